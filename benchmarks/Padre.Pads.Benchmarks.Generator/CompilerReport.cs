using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// csc's own account of a rebuild (<c>-p:ReportAnalyzer=true</c>): the generator's execution time next to the
/// Csc task's time (MSBuild's performance summary) and the whole build's wall time, with cold csc and with the
/// compiler server. The most direct reading of the generator's share of a build.
/// </summary>
internal static partial class CompilerReport
{
    /// <summary>Rebuilds with cold csc, then with the compiler server: one warm-up and <paramref name="measuredRuns"/> measured each.</summary>
    public static int Run(int measuredRuns)
    {
        var project = SyntheticProject.Write();
        File.WriteAllText(project.EditedFilePath, SyntheticProject.EditedFileOriginalText);
        DotnetBuild.Prepare(project);

        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine("| Compiler | Run | Build wall (s) | Csc task (s) | PadreGenerator (s) | Share of Csc | Share of build | All analyzers (s) | Padre.Pads.Analyzers (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var server in new[] { false, true })
        {
            var readings = new List<Reading>();
            try
            {
                // Run 0 warms up (disk cache; for the server leg, starting VBCSCompiler); it is shown, not counted.
                for (var run = 0; run <= measuredRuns; run++)
                {
                    var clock = Stopwatch.StartNew();
                    var output = DotnetBuild.Build(project, "full", server, rebuild: true, "-v:d", "-clp:PerformanceSummary", "-p:ReportAnalyzer=true");
                    var reading = Reading.From(output, clock.Elapsed.TotalSeconds);
                    Console.WriteLine(reading.Row(server ? "server" : "cold csc", run == 0 ? "warm-up" : run.ToString(CultureInfo.InvariantCulture)));
                    if (run > 0)
                    {
                        readings.Add(reading);
                    }
                }
            }
            finally
            {
                if (server)
                {
                    DotnetBuild.ShutDownCompilerServer(project);
                }
            }

            Console.WriteLine(Reading.Median(readings).Row(server ? "server" : "cold csc", "**median**"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    [GeneratedRegex(@"Total generator execution time:\s*(?<s>[\d.]+)")]
    private static partial Regex GeneratorTotal();

    [GeneratedRegex(@"^\s*(?<s><?[\d.]+)\s+<?\d+\s+Padre\.Pads\.Generators\.PadreGenerator\s*$", RegexOptions.Multiline)]
    private static partial Regex PadreGeneratorLine();

    [GeneratedRegex(@"Total analyzer execution time:\s*(?<s>[\d.]+)")]
    private static partial Regex AnalyzerTotal();

    [GeneratedRegex(@"^\s*(?<s><?[\d.]+)\s+<?\d+\s+Padre\.Pads\.Analyzers, Version", RegexOptions.Multiline)]
    private static partial Regex PadreAnalyzersLine();

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscTask();

    private sealed record Reading(double Wall, double Csc, double Generator, double Analyzers, double PadreAnalyzers)
    {
        public static Reading From(string output, double wall)
        {
            var generator = Seconds(PadreGeneratorLine(), output) ?? Seconds(GeneratorTotal(), output)
                ?? throw new InvalidOperationException("csc printed no generator timing (ReportAnalyzer); output:\n" + output);
            var csc = CscTask().Match(output) is { Success: true } m
                ? double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000
                : throw new InvalidOperationException("MSBuild printed no Csc task time; output:\n" + output);
            return new Reading(wall, csc, generator, Seconds(AnalyzerTotal(), output) ?? 0, Seconds(PadreAnalyzersLine(), output) ?? 0);
        }

        public static Reading Median(IReadOnlyList<Reading> readings)
        {
            static double Mid(IEnumerable<double> values)
            {
                var sorted = values.Order().ToList();
                return sorted[sorted.Count / 2];
            }

            return new Reading(Mid(readings.Select(r => r.Wall)), Mid(readings.Select(r => r.Csc)), Mid(readings.Select(r => r.Generator)),
                Mid(readings.Select(r => r.Analyzers)), Mid(readings.Select(r => r.PadreAnalyzers)));
        }

        public string Row(string compiler, string run) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {compiler} | {run} | {Wall:F2} | {Csc:F2} | {Generator:F3} | {Generator / Csc:P1} | {Generator / Wall:P1} | {Analyzers:F3} | {PadreAnalyzers:F3} |");

        private static double? Seconds(Regex pattern, string output)
        {
            var match = pattern.Match(output);
            if (!match.Success)
            {
                return null;
            }

            var text = match.Groups["s"].Value.TrimStart('<');
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
    }
}

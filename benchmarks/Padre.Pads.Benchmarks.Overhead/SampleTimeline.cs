using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Padre.Pads.Benchmarks.Overhead;

/// <summary>
/// "Each sample's training" as issue 5 words it: the time from process start to the sample's first line on stdout,
/// which every sample prints right after its training and evaluation, taken by this launching process (the samples
/// carry no tracking or timing code). Also the time to exit. Plain, Tracked and Tracked-disabled are launched in turn
/// (one of each per round, the round's first case rotating so none always follows another's exit), so a change in the
/// machine's load hits all three alike; every launch gets a fresh temporary working directory, as in
/// <see cref="SampleLaunch"/>.
/// </summary>
/// <remarks>
/// Not BenchmarkDotNet: it measures one whole launch, not a part of it, and a benchmark method has one duration.
/// Prints a Markdown table: mean, median, min and max of both times per case, the difference of the means to Plain, and
/// the paired reading: the median over rounds of (case − Plain in the same round), with its 95% confidence interval
/// from order statistics (distribution-free). Launches of one build spread by tens of milliseconds on this kind of
/// machine; pairing removes the drift they share, and the interval says how far the median can be trusted.
/// </remarks>
internal static class SampleTimeline
{
    private static readonly (string Name, string Build, (string, string)[] Environment)[] Variants =
    [
        ("Plain", "plain", []),
        ("Tracked", "tracked", []),
        ("Tracked_but_disabled", "tracked", [("PADRE_DISABLED", "true")]),
        .. ExtraCases(Environment.GetEnvironmentVariable("PADRE_BENCH_CASES")),
    ];

    // More cases of the tracked build, to take the overhead apart: "NoRunLoggers:PADRE_LOGGERS_DISABLED=all;Name:A=1,B=2".
    private static IEnumerable<(string, string, (string, string)[])> ExtraCases(string? spec)
    {
        foreach (var item in (spec ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = item.IndexOf(':');
            if (colon <= 0)
                throw new InvalidOperationException($"PADRE_BENCH_CASES: \"{item}\" is not NAME:VARIABLE=VALUE[,VARIABLE=VALUE...].");
            var variables = item[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pair =>
            {
                var equals = pair.IndexOf('=');
                return equals > 0 ? (pair[..equals], pair[(equals + 1)..]) : throw new InvalidOperationException($"PADRE_BENCH_CASES: \"{pair}\" in \"{item}\" is not VARIABLE=VALUE.");
            });
            yield return (item[..colon], "tracked", variables.ToArray());
        }
    }

    public static int Measure(string samplesDirectory, int rounds)
    {
        var table = new StringBuilder();
        table.AppendLine("| Sample | Case | First line: mean | median | min-max | vs Plain | paired median vs Plain [95% CI] | Exit: mean | median | min-max | vs Plain | paired median vs Plain [95% CI] |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var sample in SampleLaunch.Samples())
        {
            var firstLines = Variants.ToDictionary(v => v.Name, _ => new List<double>());
            var exits = Variants.ToDictionary(v => v.Name, _ => new List<double>());
            for (var round = 0; round <= rounds; round++)
            {
                for (var turn = 0; turn < Variants.Length; turn++)
                {
                    var (name, build, environment) = Variants[(round + turn) % Variants.Length];
                    var program = Path.Combine(samplesDirectory, sample, "bin", "overhead", build, sample + ".dll");
                    var (firstLine, exit) = Launch(program, environment);
                    if (round == 0) continue; // warm-up: the file cache and the JIT's disk reads
                    firstLines[name].Add(firstLine);
                    exits[name].Add(exit);
                }
            }

            foreach (var (name, _, _) in Variants)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {sample} | {name} | {Row(firstLines[name], firstLines["Plain"])} | {Row(exits[name], exits["Plain"])} |");
            }
        }

        Console.Write(table.ToString());
        return 0;
    }

    private static string Row(List<double> values, List<double> plain)
    {
        var mean = values.Average();
        var sorted = values.Order().ToList();
        var difference = mean - plain.Average();
        var versus = ReferenceEquals(values, plain) ? "-" : string.Create(CultureInfo.InvariantCulture, $"{difference:+0;-0;0} ms ({difference / plain.Average():+0%;-0%;0%})");
        return string.Create(CultureInfo.InvariantCulture, $"{mean:N0} ms | {Median(sorted):N0} | {sorted[0]:N0}-{sorted[^1]:N0} | {versus} | {Paired(values, plain)}");
    }

    // The median of the per-round differences and the distribution-free 95% interval around it: with n differences in
    // order, the k-th smallest and k-th largest, k = floor((n - 1.96·sqrt(n)) / 2), hold the true median with ≥ 95%.
    private static string Paired(List<double> values, List<double> plain)
    {
        if (ReferenceEquals(values, plain))
            return "-";
        var differences = values.Zip(plain, (v, p) => v - p).Order().ToList();
        var median = Median(differences);
        var k = (int)Math.Floor((differences.Count - 1.96 * Math.Sqrt(differences.Count)) / 2);
        var interval = k >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"[{differences[k - 1]:+0;-0;0}, {differences[^k]:+0;-0;0}]")
            : "[too few rounds]";
        return string.Create(CultureInfo.InvariantCulture, $"{median:+0;-0;0} ms ({median / Median(plain.Order().ToList()):+0.0%;-0.0%;0.0%}) {interval}");
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static (double FirstLine, double Exit) Launch(string program, (string Name, string Value)[] environment)
    {
        if (!File.Exists(program))
            throw new InvalidOperationException($"{program} is missing: build the samples with benchmarks/run-overhead-benchmarks.sh.");
        var work = Directory.CreateTempSubdirectory("padre-timeline-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(program);
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MLFLOW_", StringComparison.Ordinal) || k.StartsWith("PADRE_", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(name);
            foreach (var (name, value) in environment)
                start.Environment[name] = value;

            var firstLine = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            var clock = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null) firstLine.TrySetResult(clock.Elapsed.TotalMilliseconds);
            };
            var error = new StringBuilder();
            process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            var exit = clock.Elapsed.TotalMilliseconds;
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {error}");
            if (!firstLine.Task.IsCompleted)
                throw new InvalidOperationException($"{program} printed nothing on stdout.");
            return (firstLine.Task.Result, exit);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

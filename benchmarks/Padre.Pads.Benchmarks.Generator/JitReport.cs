using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// What a cold csc JIT-compiles for Padre.Pads' compiler plug-ins: one rebuild of the wired project with csc's runtime
/// tracing its JIT (EventPipe, JIT keyword, verbose), then per plug-in the methods JIT-compiled and the time from JIT
/// start to method load. "Over its types" are Roslyn's and the BCL's generic code instantiated over the plug-in's
/// types, which no ReadyToRun image of the plug-in can hold. Counts are exact; milliseconds grow with the machine's load.
/// </summary>
internal static class JitReport
{
    private static readonly string[] Plugins = ["Padre.Pads.Generators", "Padre.Pads.Analyzers"];

    public static int Run()
    {
        var project = SyntheticProject.Write();
        File.WriteAllText(project.EditedFilePath, SyntheticProject.EditedFileOriginalText);
        DotnetBuild.Prepare(project);
        var folder = Directory.CreateTempSubdirectory("padre-jit-");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_EnableEventPipe"] = "1",
                ["DOTNET_EventPipeOutputPath"] = Path.Combine(folder.FullName, "trace-{pid}.nettrace"),
                ["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x10:5",
            };
            DotnetBuild.Build(project, "full", compilerServer: false, rebuild: true, environment);
            Console.WriteLine($"load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}");
            Console.WriteLine("| Plug-in | Own methods JIT-compiled | ms | Of them first compilations (MinOpts/Tier0) | Generics over its types | ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var found = false;
            foreach (var trace in folder.GetFiles("*.nettrace"))
            {
                var tally = Tally(trace.FullName);
                if (tally.Values.All(t => t.Own == 0 && t.Over == 0))
                {
                    continue; // not the csc process (MSBuild, the dotnet host)
                }

                found = true;
                foreach (var plugin in Plugins)
                {
                    var t = tally[plugin];
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {plugin} | {t.Own} | {t.OwnMs:F0} | {t.OwnFirstTier} | {t.Over} | {t.OverMs:F0} |"));
                }
            }

            if (!found)
            {
                throw new InvalidOperationException("No trace of the build holds a JIT-compiled method of Padre.Pads' plug-ins; did csc run (cold)?");
            }

            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, Counts> Tally(string path)
    {
        var tally = Plugins.ToDictionary(p => p, _ => new Counts());
        var started = new Dictionary<long, (double At, string Text)>();
        using var source = new EventPipeEventSource(path);
        source.Clr.MethodJittingStarted += e => started[e.MethodID] = (e.TimeStampRelativeMSec, e.MethodNamespace + " " + e.MethodSignature);
        source.Clr.MethodLoadVerbose += e =>
        {
            if (!started.Remove(e.MethodID, out var start))
            {
                return;
            }

            var ms = e.TimeStampRelativeMSec - start.At;
            foreach (var plugin in Plugins)
            {
                var counts = tally[plugin];
                if (e.MethodNamespace.StartsWith(plugin + ".", StringComparison.Ordinal))
                {
                    counts.Own++;
                    counts.OwnMs += ms;
                    // A ReadyToRun method is only re-JIT-compiled at Tier1 once hot; anything else means its IL was compiled.
                    if (e.OptimizationTier is not OptimizationTier.Optimized and not OptimizationTier.OptimizedTier1 and not OptimizationTier.OptimizedTier1OSR)
                    {
                        counts.OwnFirstTier++;
                    }
                }
                else if (start.Text.Contains(plugin + ".", StringComparison.Ordinal))
                {
                    counts.Over++;
                    counts.OverMs += ms;
                }
            }
        };
        source.Process();
        return tally;
    }

    private sealed class Counts
    {
        public int Own { get; set; }

        public double OwnMs { get; set; }

        public int OwnFirstTier { get; set; }

        public int Over { get; set; }

        public double OverMs { get; set; }
    }
}

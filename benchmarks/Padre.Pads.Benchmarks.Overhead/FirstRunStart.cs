using System.Diagnostics;
using System.Globalization;

namespace Padre.Pads.Benchmarks.Overhead;

/// <summary>
/// The first run start of a fresh process, which an in-process benchmark cannot repeat: the session is created (options,
/// spool, exporter), the default loggers are attached and the start path is compiled by the JIT, all on the caller's
/// thread. Prints "session_ms start_run_ms end_ms" for one process; the script launches it several times.
/// With a gap, the process first does what a zero-change program's generated module initializer does
/// (<c>Interception.UseTracker()</c>, which starts the background warm-up) and then waits that long, standing for the
/// program's own start-up before its first hooked call (the Iris sample creates its MLContext and reads its file there).
/// </summary>
internal static class FirstRunStart
{
    public static int Measure(string? storeDirectory, int? gapMilliseconds = null)
    {
        var directory = Directory.CreateDirectory(storeDirectory ?? Path.Combine(Path.GetTempPath(), "padre-first-run-" + Guid.NewGuid().ToString("N"))).FullName;
        Environment.SetEnvironmentVariable("MLFLOW_TRACKING_URI", "sqlite:///" + Path.Combine(directory, "mlflow.db"));
        if (gapMilliseconds is { } gap)
        {
            Padre.Pads.Hooks.Interception.UseTracker();
            Thread.Sleep(gap);
        }

        var clock = Stopwatch.StartNew();
        _ = Tracker.IsEnabled; // the process session, as the generated module initializer creates it
        var session = clock.Elapsed;
        clock.Restart();
        var run = Tracker.StartRun("first-run-start");
        var start = clock.Elapsed;
        clock.Restart();
        run.End();
        var end = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{session.TotalMilliseconds:F2} {start.TotalMilliseconds:F2} {end.TotalMilliseconds:F2}"));
        return 0;
    }
}

using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks;

/// <summary>
/// A made-up hooked call through fresh instances of PyPads' default event loggers, into a run with no session (it records nothing, as for a disabled tracker).
/// Run on the warm-up thread while the program starts, it pays there what the program's first hooked calls would
/// otherwise pay on its own thread, once per process: type loads, ReadyToRun fixups, the generic dictionaries over value
/// tuples that ReadyToRun cannot hold, the first invariant number and enum formatting, the first CPU-time reading.
/// </summary>
/// <remarks>Nothing registered sees the call and nothing is recorded: the loggers are its own and the run has no session.</remarks>
internal static class HookRehearsal
{
    /// <summary>Rehearses one call; <paramref name="writer"/> (a test's) sees what the loggers write, by default nothing keeps it.</summary>
    public static void Run(IRunWriter? writer = null)
    {
        SiteParameter[] parameters =
        [
            new("learningRate", true, ArgumentRole.Value),
            new("numberOfIterations", false, ArgumentRole.Value),
            new("shuffle", true, ArgumentRole.Value),
            new("hook", true, ArgumentRole.Value),
            new("labelColumnName", false, ArgumentRole.Value),
            new("inputColumnNames", true, ArgumentRole.Value),
            new("testFraction", true, ArgumentRole.Value),
            new("seed", false, ArgumentRole.Value),
        ];
        var site = new InterceptionSite("padre-rehearsal.cs", 1, 1, "Rehearsal.Fit", Hook.Fit | Hook.Metric, "Rehearsal", parameters);
        var call = new HookCall(site, null, [0.1f, 100, true, Hook.Fit, "Label", new[] { "A", "B" }, 0.2, null], writer ?? new Run(null, new string('0', 32), "rehearsal", null, null), null);
        call.Metric("MicroAccuracy", 0.9, 0);
        call.MetricSeries("PerClassLogLoss", new[] { 0.1, 0.2 }, 0);
        call.MetricMatrix("ConfusionMatrix.Counts", new[] { new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 } }, 0);
        call.Rehearse(new object(), new EventLoggerSet().Snapshot);
    }
}

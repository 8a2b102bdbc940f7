using System.Globalization;
using Padre.Pads;
using Padre.Pads.Configuration;
using Padre.Pads.Tests.Crash;

// Usage: Padre.Pads.Tests.Crash <spool-directory> [plain]
// Tracks run "child-run": 100 metrics, waits until they are in the spool, prints "ready", then keeps logging
// until it is killed. With "plain" it tracks nothing (the exit code of an untracked program, for comparison).
// With "zero-change [experiment]" it starts as a generated program does (the module initializer's UseTracker, in the
// directory given), waits for the background warm-up, then exits (no experiment: no hooked call) or sets
// MLFLOW_EXPERIMENT_NAME, logs a param as a hooked call would and prints the experiment the session took.
if (args.Length > 1 && args[1] == "zero-change")
{
    Directory.SetCurrentDirectory(args[0]);
    Padre.Pads.Hooks.Interception.UseTracker();
    await Tracker.WarmedUp;
    if (args.Length > 2)
    {
        Environment.SetEnvironmentVariable("MLFLOW_EXPERIMENT_NAME", args[2]);
        Tracker.LogParam("alpha", "0.5");
        Console.WriteLine(Tracker.Options.ExperimentName);
    }

    return 0;
}

// With "registrations" it starts the same way with a library registration handed over, waits for the warm-up and
// prints whether the registration has run ("registered") or is still pending ("pending").
if (args.Length > 1 && args[1] == "registrations")
{
    Directory.SetCurrentDirectory(args[0]);
    var registered = false;
    Padre.Pads.Hooks.Interception.UseTracker(fromEntryAssembly: false, () => registered = true);
    await Tracker.WarmedUp;
    Console.WriteLine(registered ? "registered" : "pending");
    return 0;
}

// With "assemblies" it runs as a zero-change program into the default store (one hooked value, flushed) and prints
// whether the REST client's assemblies were loaded ("rest client loaded") or not ("no rest client").
if (args.Length > 1 && args[1] == "assemblies")
{
    Directory.SetCurrentDirectory(args[0]);
    Padre.Pads.Hooks.Interception.UseTracker();
    await Tracker.WarmedUp;
    Tracker.LogParam("alpha", "0.5");
    if (!Tracker.Flush(TimeSpan.FromSeconds(30)))
    {
        Console.Error.WriteLine("the run was not flushed within 30 s");
        return 1;
    }

    var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Where(n => n is "Refit" or "Padre.Pads.MlflowApi").ToList();
    Console.WriteLine(loaded.Count == 0 ? "no rest client" : "rest client loaded: " + string.Join(", ", loaded));
    return 0;
}

if (args.Length > 1 && args[1] == "plain")
{
    Console.WriteLine("ready");
    Thread.Sleep(Timeout.Infinite);
}

Tracker.Configure(new TrackingOptions
{
    SpoolDirectory = args[0],
    StoreFactory = (_, _) => new UnreachableStore(),
    FlushInterval = TimeSpan.FromMilliseconds(20),
    RetryBackoffMin = TimeSpan.FromMilliseconds(20),
    RetryBackoffMax = TimeSpan.FromMilliseconds(100),
    FlushTimeout = TimeSpan.FromSeconds(3),
});

var run = Tracker.StartRun("child-run", "crash-tests");
for (var i = 0; i < 100; i++)
{
    Tracker.LogMetric("m", i, i);
}

if (!await Tracker.FlushToSpoolAsync(TimeSpan.FromSeconds(10)))
{
    Console.WriteLine("spool flush failed");
    return 2;
}

Console.WriteLine("ready");
for (var i = 100; ; i++)
{
    run.LogMetric("m", i, i);
    if (i % 100 == 0)
    {
        Console.Out.Flush();
        Thread.Sleep(5);
    }

    _ = i.ToString(CultureInfo.InvariantCulture);
}

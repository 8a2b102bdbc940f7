using System.Diagnostics;
using Padre.Pads.Loggers;
using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;
using Xunit.Abstractions;

namespace Padre.Pads.Tests.Loggers;

[Collection(nameof(ConsoleCollection))] // the console logger is among them
public sealed class DefaultRunLoggersTests(ITestOutputHelper output) : IDisposable
{
    private const string EnvironmentSecret = "envS3cretValue-981";
    private const string ArgumentSecret = "argS3cretValue-142";
    private const string ConsoleSecret = "ghp_0123456789abcdefghijABCDEFGHIJ012345";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_logger_is_on_by_default_with_the_documented_names()
    {
        var loggers = DefaultRunLoggers.Create(Context(), [], null);
        Assert.Equal(DefaultRunLoggers.Names, loggers.Select(l => l.Name));
    }

    [Fact]
    public void Named_loggers_are_switched_off_case_insensitively()
    {
        var loggers = DefaultRunLoggers.Create(Context(), [], DefaultRunLoggers.ParseDisabled("GIT, console;host"));
        Assert.DoesNotContain(loggers, l => l.Name is "git" or "console" or "host");
        Assert.Equal(DefaultRunLoggers.Names.Count - 3, loggers.Count);
    }

    [Fact]
    public void All_switches_every_logger_off()
    {
        Assert.Empty(DefaultRunLoggers.Create(Context(), [], ["all"]));
    }

    [Fact]
    public void Mlflows_own_switch_turns_system_metrics_off()
    {
        var context = Context() with { Environment = TestContext.EnvironmentWith(("MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING", "false")) };
        Assert.DoesNotContain(DefaultRunLoggers.Create(context, [], null), l => l.Name == "system-metrics");
    }

    [Fact]
    public void Unknown_names_are_reported_for_a_warning()
    {
        Assert.Equal(["gti"], DefaultRunLoggers.UnknownNames(["gti", "all", "cpu"]));
    }

    [Fact]
    public void A_logger_that_throws_becomes_an_error_tag_and_the_run_goes_on()
    {
        var run = new RecordingRunWriter();
        var guarded = new GuardedRunLogger(new ThrowingLogger(), new SecretRedactor([]));
        guarded.OnRunStarted(run);
        guarded.OnRunEnding(run, RunStatus.Finished);
        Assert.Equal("at run end: InvalidOperationException: disk on fire", run.Tag("padre.logger.broken.error"));
    }

    [Fact]
    public void No_secret_from_environment_command_line_console_or_sources_appears_in_anything_written()
    {
        _temp.Write("Experiment.csproj", "<Project />");
        _temp.Write("Program.cs", $"var password = \"{ArgumentSecret}\"; // and {EnvironmentSecret}");
        var context = Context() with
        {
            Environment = TestContext.EnvironmentWith(("TRAINING_API_TOKEN", EnvironmentSecret), ("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "0.05")),
            WorkingDirectory = _temp.Path,
            BaseDirectory = _temp.Path,
        };
        var loggers = DefaultRunLoggers.Create(context, ["train.dll", "--password", ArgumentSecret, $"--mlflow=https://me:{EnvironmentSecret}@host/"], null);
        var run = new RecordingRunWriter();
        var savedOut = Console.Out;
        try
        {
            Console.SetOut(TextWriter.Null);
            foreach (var logger in loggers)
                logger.OnRunStarted(run);
            Console.WriteLine($"using token {ConsoleSecret} and {EnvironmentSecret}");
            foreach (var logger in loggers)
                logger.OnRunEnding(run, RunStatus.Finished);
        }
        finally
        {
            Console.SetOut(savedOut);
        }
        var everything = run.Everything();
        Assert.Contains("console/stdout.txt", run.Texts.Keys);
        Assert.Contains("source/Program.cs", run.Texts.Keys);
        Assert.Contains("train.dll --password [REDACTED]", run.Tag("padre.process.command_line"));
        Assert.DoesNotContain(EnvironmentSecret, everything);
        Assert.DoesNotContain(ArgumentSecret, everything);
        Assert.DoesNotContain(ConsoleSecret, everything);
    }

    [Fact]
    public void All_start_loggers_on_this_machine_finish_without_errors_and_report_their_time()
    {
        var creation = Stopwatch.StartNew();
        var loggers = DefaultRunLoggers.Create(["console"]); // on the caller's thread, unlike the loggers themselves
        var created = creation.Elapsed;
        // A first pass loads code and warms caches, as a long-running program has by its second run.
        Measure(loggers, new RecordingRunWriter("0000000000000000000000000000000a"));
        var run = new RecordingRunWriter();
        var (total, each) = Measure(loggers, run);
        output.WriteLine($"Create: {created.TotalMilliseconds:0.0} ms; all start loggers: {total.TotalMilliseconds:0.0} ms ({string.Join(", ", each.Select(e => $"{e.Name} {e.Time.TotalMilliseconds:0.0}"))})");
        Assert.DoesNotContain(run.Tags.Keys, key => key.EndsWith(".error", StringComparison.Ordinal));
        foreach (var logger in loggers)
            logger.OnRunEnding(run, RunStatus.Finished);
    }

    private static (TimeSpan Total, List<(string Name, TimeSpan Time)> Each) Measure(IReadOnlyList<IRunLogger> loggers, RecordingRunWriter run)
    {
        var each = new List<(string, TimeSpan)>();
        var total = Stopwatch.StartNew();
        foreach (var logger in loggers)
        {
            var one = Stopwatch.StartNew();
            logger.OnRunStarted(run);
            each.Add((logger.Name, one.Elapsed));
        }
        return (total.Elapsed, each);
    }

    private RunLoggerContext Context() => RunLoggerContext.ForThisProcess() with { WorkingDirectory = _temp.Path, BaseDirectory = _temp.Path };

    private sealed class ThrowingLogger : IRunLogger
    {
        public string Name => "broken";

        public void OnRunStarted(IRunWriter run)
        {
        }

        public void OnRunEnding(IRunWriter run, RunStatus status) => throw new InvalidOperationException("disk on fire");
    }
}

using System.Text;
using Padre.Pads.Loggers;
using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Loggers;

/// <summary>The process console captured from tracker initialisation: what a program prints before its first run.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ConsoleTapTests
{
    private static readonly string NL = Environment.NewLine;

    [Fact]
    public void Output_printed_before_the_first_run_is_in_that_runs_artifact()
    {
        using var user = new UserConsole();
        var tap = new ConsoleTap();
        tap.CaptureFromNow();
        Console.WriteLine("Loading data...");
        Console.Error.WriteLine("warning: 3 rows skipped");
        var run = new RecordingRunWriter();
        var logger = new ConsoleLogger(tap);
        logger.OnRunStarted(run);
        Console.WriteLine("Training...");
        logger.OnRunEnding(run, RunStatus.Finished);

        Assert.Equal($"Loading data...{NL}Training...{NL}", run.Texts["console/stdout.txt"]);
        Assert.Equal($"warning: 3 rows skipped{NL}", run.Texts["console/stderr.txt"]);
        Assert.Equal($"Loading data...{NL}Training...{NL}", user.Output.ToString());
    }

    [Fact]
    public void Capture_before_main_tees_a_console_writer_of_its_own_without_a_byte_order_mark()
    {
        using var user = new UserConsole();
        var tap = new ConsoleTap();
        tap.CaptureFromNow(consoleUntouched: true); // what an executable's module initializer does
        var run = new RecordingRunWriter();
        var logger = new ConsoleLogger(tap);
        logger.OnRunStarted(run);
        Console.WriteLine("ConsoleTapTests: written to the test host's own stdout");
        var encoding = Console.Out.Encoding;
        logger.OnRunEnding(run, RunStatus.Finished);

        Assert.Equal($"ConsoleTapTests: written to the test host's own stdout{NL}", run.Texts["console/stdout.txt"]);
        Assert.Empty(encoding.GetPreamble());
        // Before Main nothing can have set a writer, so the one set here was not asked for: the tee wrote to the process's stdout.
        Assert.Equal("", user.Output.ToString());
    }

    [Fact]
    public void A_second_run_holds_only_what_was_printed_during_its_span()
    {
        using var user = new UserConsole();
        var tap = new ConsoleTap();
        tap.CaptureFromNow();
        Console.WriteLine("Loading data...");
        var logger = new ConsoleLogger(tap);
        var first = new RecordingRunWriter();
        logger.OnRunStarted(first);
        Console.WriteLine("first run");
        logger.OnRunEnding(first, RunStatus.Finished);
        Console.WriteLine("between the runs");
        tap.CaptureFromNow(); // a later session (Tracker.Configure) must not start a second pre-run capture
        var second = new RecordingRunWriter();
        logger.OnRunStarted(second);
        Console.WriteLine("second run");
        logger.OnRunEnding(second, RunStatus.Failed);

        Assert.Equal($"Loading data...{NL}first run{NL}", first.Texts["console/stdout.txt"]);
        Assert.Equal($"second run{NL}", second.Texts["console/stdout.txt"]);
        Assert.Equal($"Loading data...{NL}first run{NL}between the runs{NL}second run{NL}", user.Output.ToString());
    }

    [Fact]
    public void Output_before_the_first_run_is_capped_and_the_artifact_says_how_much_was_left_out()
    {
        using var user = new UserConsole();
        var tap = new ConsoleTap(headChars: 8, tailChars: 8);
        tap.CaptureFromNow();
        Console.Write("BEGIN-->");
        for (var i = 0; i < 1000; i++)
            Console.Write("progress ");
        Console.Write("<--END.");
        var run = new RecordingRunWriter();
        var logger = new ConsoleLogger(tap);
        logger.OnRunStarted(run);
        Console.Write("!");
        logger.OnRunEnding(run, RunStatus.Finished);

        Assert.Equal("BEGIN-->\n[padre: 9000 characters left out]\n<--END.!", run.Texts["console/stdout.txt"]);
        Assert.Equal(8 + 9000 + 8, user.Output.ToString().Length);
    }

    [Fact]
    public void The_console_is_given_back_when_the_first_run_ends_and_when_capture_is_stopped_before_any_run()
    {
        using var user = new UserConsole();
        var tap = new ConsoleTap();
        tap.CaptureFromNow();
        Assert.NotSame(user.Writer, Console.Out);
        tap.Stop(); // the console logger switched off by the session's options
        Assert.Same(user.Writer, Console.Out);
        Assert.Same(user.ErrorWriter, Console.Error);

        tap.CaptureFromNow();
        var run = new RecordingRunWriter();
        var logger = new ConsoleLogger(tap);
        logger.OnRunStarted(run);
        logger.OnRunEnding(run, RunStatus.Finished);
        Assert.Same(user.Writer, Console.Out);
        Assert.Same(user.ErrorWriter, Console.Error);
    }

    [Fact]
    public void Two_open_runs_each_hold_their_own_span_and_the_console_stays_teed_until_both_ended()
    {
        using var user = new UserConsole();
        var tap = new ConsoleTap();
        var logger = new ConsoleLogger(tap);
        var (a, b) = (new RecordingRunWriter("a"), new RecordingRunWriter("b"));
        logger.OnRunStarted(a);
        Console.WriteLine("a only");
        logger.OnRunStarted(b);
        Console.WriteLine("both");
        logger.OnRunEnding(a, RunStatus.Finished);
        Console.WriteLine("b only");
        Assert.NotSame(user.Writer, Console.Out);
        logger.OnRunEnding(b, RunStatus.Finished);

        Assert.Same(user.Writer, Console.Out);
        Assert.Equal($"a only{NL}both{NL}", a.Texts["console/stdout.txt"]);
        Assert.Equal($"both{NL}b only{NL}", b.Texts["console/stdout.txt"]);
    }

    [Fact]
    public async Task A_session_with_the_process_tap_stores_pre_run_output_redacted_in_the_first_run()
    {
        using var user = new UserConsole();
        var tap = new ConsoleTap();
        tap.CaptureFromNow(); // what the generated module initializer does
        await using var t = RecordingSession.Start();
        var secret = "hunter2-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("PADRE_TEST_CONSOLE_PASSWORD", secret);
        try
        {
            Console.WriteLine($"Loading data with password {secret}...");
            foreach (var logger in DefaultRunLoggers.Create(DefaultRunLoggers.Names.Where(n => n != "console"), tap))
                t.Session.AddRunLogger(logger);
            using (var run = t.Session.StartRun("pre-run-output", null, null))
                Console.WriteLine("Training...");
            Assert.True(t.Flush());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PADRE_TEST_CONSOLE_PASSWORD", null);
        }

        var stdout = Encoding.UTF8.GetString(t.Store.RunNamed("pre-run-output").Artifacts["console/stdout.txt"]);
        Assert.StartsWith("Loading data with password ", stdout, StringComparison.Ordinal);
        Assert.EndsWith($"...{NL}Training...{NL}", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal);
        Assert.Same(user.Writer, Console.Out);
    }

    /// <summary>Stands in for the user's terminal and puts the real console back afterwards.</summary>
    private sealed class UserConsole : IDisposable
    {
        private readonly TextWriter savedOut = Console.Out;
        private readonly TextWriter savedError = Console.Error;

        public UserConsole()
        {
            Console.SetOut(Output);
            Console.SetError(Error);
            Writer = Console.Out; // Console wraps what it is given in a synchronized writer
            ErrorWriter = Console.Error;
        }

        public StringWriter Output { get; } = new();

        public StringWriter Error { get; } = new();

        public TextWriter Writer { get; }

        public TextWriter ErrorWriter { get; }

        public void Dispose()
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }
}

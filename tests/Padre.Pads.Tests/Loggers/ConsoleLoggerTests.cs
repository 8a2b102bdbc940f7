using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Loggers;

/// <summary>The console is one per process: these tests must not run alongside others that redirect it.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed class ConsoleLoggerTests
{
    [Fact]
    public void Output_is_copied_into_artifacts_while_the_user_still_sees_it()
    {
        var (userOut, userError) = (new StringWriter(), new StringWriter());
        var (savedOut, savedError) = (Console.Out, Console.Error);
        Console.SetOut(userOut);
        Console.SetError(userError);
        try
        {
            var run = new RecordingRunWriter();
            var logger = new ConsoleLogger();
            logger.OnRunStarted(run);
            Console.WriteLine("epoch 1: loss 0.5");
            Console.Out.Write('x');
            Console.Error.WriteLine("warning: slow");
            logger.OnRunEnding(run, RunStatus.Finished);

            Assert.Equal("epoch 1: loss 0.5" + Environment.NewLine + "x", userOut.ToString());
            Assert.Equal("warning: slow" + Environment.NewLine, userError.ToString());
            Assert.Equal(userOut.ToString(), run.Texts["console/stdout.txt"]);
            Assert.Equal(userError.ToString(), run.Texts["console/stderr.txt"]);
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }

    [Fact]
    public void Console_is_given_back_when_the_run_ends_and_a_failed_run_keeps_its_output()
    {
        var userOut = new StringWriter();
        var savedOut = Console.Out;
        Console.SetOut(userOut);
        var before = Console.Out; // Console wraps what it is given in a synchronized writer
        try
        {
            var run = new RecordingRunWriter();
            var logger = new ConsoleLogger();
            logger.OnRunStarted(run);
            Assert.NotSame(before, Console.Out);
            Console.WriteLine("Unhandled exception: boom");
            logger.OnRunEnding(run, RunStatus.Failed);
            Assert.Same(before, Console.Out);
            Console.WriteLine("after the run");
            Assert.Equal("Unhandled exception: boom" + Environment.NewLine, run.Texts["console/stdout.txt"]);
            Assert.False(run.Texts.ContainsKey("console/stderr.txt"));
        }
        finally
        {
            Console.SetOut(savedOut);
        }
    }

    [Fact]
    public void A_redirection_made_by_the_program_during_the_run_is_left_in_place()
    {
        var savedOut = Console.Out;
        try
        {
            var run = new RecordingRunWriter();
            var logger = new ConsoleLogger();
            logger.OnRunStarted(run);
            var programs = new StringWriter();
            Console.SetOut(programs);
            var programsChoice = Console.Out;
            logger.OnRunEnding(run, RunStatus.Finished);
            Assert.Same(programsChoice, Console.Out);
        }
        finally
        {
            Console.SetOut(savedOut);
        }
    }

    [Fact]
    public void Capture_keeps_the_beginning_and_the_end_and_counts_what_it_left_out()
    {
        var capture = new ConsoleCapture(headChars: 5, tailChars: 5);
        capture.Append("HEAD-".AsSpan());
        capture.Append(new string('.', 100).AsSpan());
        capture.Append("-TAIL".AsSpan());
        Assert.Equal("HEAD-\n[padre: 100 characters left out]\n-TAIL", capture.ToString());
    }
}

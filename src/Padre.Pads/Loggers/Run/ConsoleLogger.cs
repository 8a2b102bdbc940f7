using System.Collections.Concurrent;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Copies what the program writes to stdout and stderr into <c>console/stdout.txt</c> and <c>console/stderr.txt</c>,
/// leaving what the user sees unchanged; kept for failed runs too; the console is given back when the run ends.
/// </summary>
internal sealed class ConsoleLogger : IRunLogger
{
    private readonly ConcurrentDictionary<string, Capture> _captures = new(StringComparer.Ordinal);

    public string Name => "console";

    public void OnRunStarted(IRunWriter run)
    {
        var output = new ConsoleCapture();
        var error = new ConsoleCapture();
        // Synchronized like Console's own writers: the user's threads write concurrently.
        var outTee = new TeeTextWriter(Console.Out, output);
        var errorTee = new TeeTextWriter(Console.Error, error);
        var capture = new Capture(outTee, errorTee, TextWriter.Synchronized(outTee), TextWriter.Synchronized(errorTee), output, error);
        _captures[run.RunId] = capture;
        Console.SetOut(capture.SynchronizedOut);
        Console.SetError(capture.SynchronizedError);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
        if (!_captures.TryRemove(run.RunId, out var capture))
            return;
        // Only undo our own redirection: if the program redirected the console since, its choice stands.
        if (ReferenceEquals(Console.Out, capture.SynchronizedOut))
            Console.SetOut(capture.OutTee.Original);
        if (ReferenceEquals(Console.Error, capture.SynchronizedError))
            Console.SetError(capture.ErrorTee.Original);
        var stdout = capture.Output.ToString();
        var stderr = capture.Error.ToString();
        if (stdout.Length > 0)
            run.LogText(stdout, "console/stdout.txt");
        if (stderr.Length > 0)
            run.LogText(stderr, "console/stderr.txt");
    }

    private sealed record Capture(TeeTextWriter OutTee, TeeTextWriter ErrorTee, TextWriter SynchronizedOut, TextWriter SynchronizedError,
        ConsoleCapture Output, ConsoleCapture Error);
}

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// The process's stdout and stderr, copied for runs while the user still sees every character. One tee per stream
/// feeds every capture open at the moment: from tracker initialisation until the first top-level run, a pre-run capture
/// (what a program prints before its first hooked call, e.g. "Loading data..."), which the first run adopts; after that,
/// one capture per open run, covering its span. The console is handed back when no capture is open.
/// </summary>
/// <remarks>
/// Every capture is bounded (<see cref="ConsoleCapture"/>: the beginning and the end, with a note of what was left out),
/// so a program that prints without ever starting a run holds a fixed amount of memory. A redirection the program
/// makes itself is never undone; a later capture tees whatever the console is then.
/// Known gap: while the console is teed, <c>Console.OutputEncoding</c> set by the program changes the terminal's code
/// page but not the writer wrapped here (Console only rebuilds its own writer when it is not redirected), so on Windows a
/// program that switches to UTF-8 after tracker initialisation may see non-ASCII output mis-encoded. Following
/// <c>Console.OutputEncoding</c> in <see cref="TeeTextWriter"/> would close it.
/// </remarks>
internal sealed class ConsoleTap(int headChars = ConsoleCapture.DefaultHalf, int tailChars = ConsoleCapture.DefaultHalf)
{
    private readonly object gate = new();
    private readonly ConsoleFanOut output = new();
    private readonly ConsoleFanOut error = new();
    private readonly Dictionary<string, Captures> runs = new(StringComparer.Ordinal);
    private Captures? beforeFirstRun;
    private bool firstRunBegun;
    private Redirection? outRedirection;
    private Redirection? errorRedirection;

    /// <summary>Starts the pre-run capture, unless a run already began (its output is not repeated) or it is running.</summary>
    /// <param name="consoleUntouched">
    /// Nothing can have set the console's writers yet (before <c>Main</c>, no startup hook): they are then made on first
    /// use (<see cref="StandardStreamWriter"/>) instead of asked for now.
    /// </param>
    public void CaptureFromNow(bool consoleUntouched = false)
    {
        lock (gate)
        {
            if (firstRunBegun || beforeFirstRun is not null)
                return;
            beforeFirstRun = Open();
            Redirect(consoleUntouched);
        }
    }

    /// <summary>Drops the pre-run capture (the console logger is switched off); open runs keep theirs.</summary>
    public void Stop()
    {
        lock (gate)
        {
            if (beforeFirstRun is { } captures)
                Close(captures);
            beforeFirstRun = null;
            GiveBackIfIdle();
        }
    }

    /// <summary>Starts capturing for <paramref name="runId"/>; the first run also gets everything printed before it.</summary>
    public void Begin(string runId)
    {
        lock (gate)
        {
            var captures = !firstRunBegun && beforeFirstRun is { } early ? early : Open();
            beforeFirstRun = null;
            firstRunBegun = true;
            if (runs.Remove(runId, out var replaced))
                Close(replaced);
            runs[runId] = captures;
            Redirect(consoleUntouched: false);
        }
    }

    /// <summary>Stops capturing for <paramref name="runId"/> and returns what it printed (empty when it never began).</summary>
    public (string Output, string Error) End(string runId)
    {
        Captures captures;
        lock (gate)
        {
            if (!runs.Remove(runId, out captures!))
                return ("", "");
            Close(captures);
            GiveBackIfIdle();
        }

        return (captures.Output.ToString(), captures.Error.ToString());
    }

    private Captures Open()
    {
        var captures = new Captures(new ConsoleCapture(headChars, tailChars), new ConsoleCapture(headChars, tailChars));
        output.Add(captures.Output);
        error.Add(captures.Error);
        return captures;
    }

    private void Close(Captures captures)
    {
        output.Remove(captures.Output);
        error.Remove(captures.Error);
    }

    // Tees the console unless it already is our tee; a program that set its own writer since gets it teed too. Before
    // anything could have set one (consoleUntouched), Console's own writers are made on first use instead of now.
    private void Redirect(bool consoleUntouched)
    {
        if (outRedirection is null || !ReferenceEquals(Console.Out, outRedirection.Synchronized))
        {
            outRedirection = new Redirection(consoleUntouched ? StandardStreamWriter.Output() : new Lazy<TextWriter>(Console.Out), output);
            Console.SetOut(outRedirection.Synchronized);
        }

        if (errorRedirection is null || !ReferenceEquals(Console.Error, errorRedirection.Synchronized))
        {
            errorRedirection = new Redirection(consoleUntouched ? StandardStreamWriter.Error() : new Lazy<TextWriter>(Console.Error), error);
            Console.SetError(errorRedirection.Synchronized);
        }
    }

    // Only undoes our own redirection: if the program redirected the console since, its choice stands.
    private void GiveBackIfIdle()
    {
        if (!output.IsEmpty || !error.IsEmpty)
            return;
        if (outRedirection is { } o && ReferenceEquals(Console.Out, o.Synchronized))
            Console.SetOut(o.Original);
        if (errorRedirection is { } e && ReferenceEquals(Console.Error, e.Synchronized))
            Console.SetError(e.Original);
        outRedirection = null;
        errorRedirection = null;
    }

    private sealed record Captures(ConsoleCapture Output, ConsoleCapture Error);

    private sealed class Redirection(Lazy<TextWriter> console, ConsoleFanOut captures)
    {
        public TextWriter Original => console.Value;

        // Synchronized like Console's own writers: the user's threads write concurrently.
        public TextWriter Synchronized { get; } = TextWriter.Synchronized(new TeeTextWriter(console, captures));
    }
}

using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Copies what the program writes to stdout and stderr into <c>console/stdout.txt</c> and <c>console/stderr.txt</c>,
/// leaving what the user sees unchanged; kept for failed runs too; the console is given back when the run ends.
/// With the process's <see cref="ConsoleTap"/> started at tracker initialisation, the first top-level run also holds
/// what was printed before it; later runs hold what was printed during their span.
/// </summary>
internal sealed class ConsoleLogger(ConsoleTap console) : IRunLogger
{
    public ConsoleLogger()
        : this(new ConsoleTap())
    {
    }

    public string Name => "console";

    public void OnRunStarted(IRunWriter run) => console.Begin(run.RunId);

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
        var (stdout, stderr) = console.End(run.RunId);
        if (stdout.Length > 0)
            run.LogText(stdout, "console/stdout.txt");
        if (stderr.Length > 0)
            run.LogText(stderr, "console/stderr.txt");
    }
}

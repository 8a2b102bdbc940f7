using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Wraps a run logger so that everything it writes is redacted and nothing it throws reaches the run:
/// an exception becomes a <c>padre.logger.&lt;name&gt;.error</c> tag and the run goes on.
/// </summary>
internal sealed class GuardedRunLogger(IRunLogger inner, Lazy<SecretRedactor> redactor) : IRunLogger
{
    public GuardedRunLogger(IRunLogger inner, SecretRedactor redactor)
        : this(inner, new Lazy<SecretRedactor>(redactor))
    {
    }

    public string Name => inner.Name;

    internal IRunLogger Inner => inner;

    public void OnRunStarted(IRunWriter run) => Guard(run, "start", writer => inner.OnRunStarted(writer));

    public void OnRunEnding(IRunWriter run, RunStatus status) => Guard(run, "end", writer => inner.OnRunEnding(writer, status));

    private void Guard(IRunWriter run, string phase, Action<IRunWriter> call)
    {
        var writer = new RedactingRunWriter(run, redactor);
        try
        {
            call(writer);
        }
        catch (Exception e)
        {
            try
            {
                writer.SetTag($"padre.logger.{inner.Name}.error", $"at run {phase}: {e.GetType().Name}: {e.Message}");
            }
            catch (Exception)
            {
                // The writer itself failed; there is nowhere left to report to, and the run must go on.
            }
        }
    }
}

namespace Padre.Pads.Loggers;

/// <summary>
/// How a logger's failure is recorded on its run: the tag <c>padre.logger.&lt;name&gt;.error</c> holds the exception's
/// type and message, so a failed logger is visible in MLflow and never reaches the user's code.
/// </summary>
internal static class LoggerFailure
{
    /// <summary>Tags <paramref name="run"/> with the failure of the logger named <paramref name="logger"/>.</summary>
    public static void Record(IRunWriter run, string logger, Exception exception) =>
        run.SetTag("padre.logger." + logger + ".error", exception.GetType().Name + ": " + exception.Message);
}

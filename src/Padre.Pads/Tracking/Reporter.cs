namespace Padre.Pads.Tracking;

/// <summary>
/// One session's channel for problems the user should hear about (a changed param, a corrected key, a spill,
/// a rejected record): written to <see cref="SdkLog"/> and counted, and visible to tests through <see cref="Observed"/>.
/// </summary>
internal sealed class Reporter
{
    /// <summary>Receives every report with its Serilog template and values (tests observe through this).</summary>
    public Action<string, object?[]>? Observed { get; set; }

    public void Warn(string template, params object?[] values)
    {
        SdkLog.Warning(template, values);
        Observed?.Invoke(template, values);
    }

    public void Warn(Exception exception, string template, params object?[] values)
    {
        SdkLog.Warning(exception, template, values);
        Observed?.Invoke(template, values);
    }
}

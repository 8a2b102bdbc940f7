namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Collects what a logger could not read and why, and writes it as one
/// <c>padre.logger.&lt;name&gt;.unavailable</c> tag, so a missing value is explained rather than silently absent.
/// </summary>
internal sealed class Unavailable(string loggerName)
{
    private readonly List<string> _reasons = [];

    public string TagKey { get; } = $"padre.logger.{loggerName}.unavailable";

    public bool Any => _reasons.Count > 0;

    public void Add(string what, string why) => _reasons.Add($"{what}: {why}");

    /// <summary>Writes the tag when anything was missing; a run with everything readable gets no tag.</summary>
    public void WriteTo(IRunWriter run)
    {
        if (_reasons.Count > 0)
            run.SetTag(TagKey, string.Join("; ", _reasons));
    }
}

namespace Padre.Pads.Export;

/// <summary>A record written to the spool at <see cref="Line"/>, and whether the store has it (or rejected it for good).</summary>
internal sealed class SpoolEntry(long line, ExportRecord record)
{
    public long Line { get; } = line;

    public ExportRecord Record { get; } = record;

    public bool Done { get; set; }
}

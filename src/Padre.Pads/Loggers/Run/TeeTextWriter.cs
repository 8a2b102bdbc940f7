using System.Text;

namespace Padre.Pads.Loggers.Run;

/// <summary>Writes through to the user's console unchanged and copies into the captures open now (<see cref="ConsoleFanOut"/>).</summary>
/// <remarks>The console's own writer may be made only when first used (<see cref="StandardStreamWriter"/>).</remarks>
internal sealed class TeeTextWriter(Lazy<TextWriter> console, ConsoleFanOut capture) : TextWriter
{
    public TextWriter Original => console.Value;

    public override Encoding Encoding => Original.Encoding;

    public override IFormatProvider FormatProvider => Original.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Original.NewLine;
        set => Original.NewLine = value;
    }

    public override void Write(char value)
    {
        Original.Write(value);
        capture.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Original.Write(buffer, index, count);
        capture.Append(buffer.AsSpan(index, count));
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Original.Write(buffer);
        capture.Append(buffer);
    }

    public override void Write(string? value)
    {
        Original.Write(value);
        capture.Append(value.AsSpan());
    }

    public override void WriteLine(string? value)
    {
        Original.WriteLine(value);
        capture.Append(value.AsSpan());
        capture.Append(Original.NewLine.AsSpan());
    }

    public override void WriteLine()
    {
        Original.WriteLine();
        capture.Append(Original.NewLine.AsSpan());
    }

    public override void Flush() => Original.Flush();

    public override Task FlushAsync() => Original.FlushAsync();
}

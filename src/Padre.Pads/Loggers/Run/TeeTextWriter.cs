using System.Text;

namespace Padre.Pads.Loggers.Run;

/// <summary>Writes through to the user's console unchanged and copies into the captures open now (<see cref="ConsoleFanOut"/>).</summary>
internal sealed class TeeTextWriter(TextWriter original, ConsoleFanOut capture) : TextWriter
{
    public TextWriter Original => original;

    public override Encoding Encoding => original.Encoding;

    public override IFormatProvider FormatProvider => original.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => original.NewLine;
        set => original.NewLine = value;
    }

    public override void Write(char value)
    {
        original.Write(value);
        capture.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        original.Write(buffer, index, count);
        capture.Append(buffer.AsSpan(index, count));
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        original.Write(buffer);
        capture.Append(buffer);
    }

    public override void Write(string? value)
    {
        original.Write(value);
        capture.Append(value.AsSpan());
    }

    public override void WriteLine(string? value)
    {
        original.WriteLine(value);
        capture.Append(value.AsSpan());
        capture.Append(original.NewLine.AsSpan());
    }

    public override void WriteLine()
    {
        original.WriteLine();
        capture.Append(original.NewLine.AsSpan());
    }

    public override void Flush() => original.Flush();

    public override Task FlushAsync() => original.FlushAsync();
}

using System.Text;

namespace Padre.Pads.Generators.Emission;

/// <summary>A string builder that keeps indentation, so generated files read like hand-written ones.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter(int indent = 0) => _indent = indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Starts a non-empty line to be written in parts (<see cref="Append(string)"/>), indented as <see cref="Line"/> does; <see cref="End"/> ends it.</summary>
    public SourceWriter Start()
    {
        _text.Append(' ', _indent * 4);
        return this;
    }

    public SourceWriter Append(string part)
    {
        _text.Append(part);
        return this;
    }

    public SourceWriter Append(int value)
    {
        _text.Append(value);
        return this;
    }

    public SourceWriter End()
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>Appends code written (and indented) elsewhere, with its qualifiers shortened.</summary>
    public SourceWriter Raw(ShortenedCode code)
    {
        code.AppendTo(_text);
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Opens a bare block (a method body after its signature lines).</summary>
    public SourceWriter Block()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();

    public static string Literal(string? value) =>
        value is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}

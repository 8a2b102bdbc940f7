using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// Writes a mapping as PyYAML's <c>safe_dump(data, default_flow_style=False, allow_unicode=True)</c> does
/// (keys sorted, width 80, indent 2), so the file store's <c>meta.yaml</c> files are byte-identical to MLflow's.
/// </summary>
/// <remarks>
/// Values may be <see langword="null"/> (<c>null</c>), <see cref="long"/>/<see cref="int"/>, <see cref="string"/>,
/// an empty <see cref="System.Collections.IList"/> (<c>[]</c>) or a string-to-string dictionary (a nested block
/// mapping, <c>{}</c> when empty). Strings follow PyYAML's emitter: plain unless they would read back as another
/// type or hold indicators, else single-quoted, else double-quoted; long ones folded at spaces past column 80.
/// </remarks>
internal static partial class PyYamlWriter
{
    private const int BestWidth = 80;
    private const int BestIndent = 2;

    /// <summary>The YAML text of <paramref name="mapping"/> (keys sorted by code point, as Python sorts).</summary>
    public static string Write(IEnumerable<KeyValuePair<string, object?>> mapping)
    {
        var emitter = new Emitter();
        foreach (var (key, value) in mapping.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            emitter.WriteEntry(key, value, indent: 0);
        }

        return emitter.ToString();
    }

    // PyYAML's implicit resolvers (resolver.py): a string matching one of these would load as another type,
    // so it cannot be written plain.
    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")]
    private static partial Regex TimestampPattern();

    /// <summary>True when PyYAML would resolve the plain scalar to a non-string type (so it must be quoted).</summary>
    internal static bool ResolvesToNonString(string value)
    {
        // Python's `$` also matches before one trailing "\n"; such strings are never plain anyway (line break).
        if (value.Length == 0)
        {
            return true;
        }

        return value[0] switch
        {
            'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' when BoolPattern().IsMatch(value) => true,
            '-' or '+' or '.' or (>= '0' and <= '9') when FloatPattern().IsMatch(value) => true,
            '-' or '+' or (>= '0' and <= '9') when IntPattern().IsMatch(value) => true,
            '<' when value == "<<" => true,
            '~' or 'n' or 'N' when NullPattern().IsMatch(value) => true,
            >= '0' and <= '9' when TimestampPattern().IsMatch(value) => true,
            '=' when value == "=" => true,
            _ => false,
        };
    }

    private sealed class Emitter
    {
        private readonly StringBuilder _out = new();
        private int _column;
        private bool _whitespace = true;
        private bool _indention = true;
        private int _indent;

        public override string ToString() => _out.ToString();

        public void WriteEntry(string key, object? value, int indent)
        {
            _indent = indent;
            WriteIndent();
            var keyPoints = ToCodePoints(key);
            // PyYAML's check_simple_key: a key of 128+ characters (counting its 5-character "!!str" tag) or
            // with a line break is written as a complex key: "? key" then ": value" on the next line.
            if (keyPoints.Length + 5 < 128 && !Analyze(keyPoints).Multiline)
            {
                WriteScalar(key, isKey: true);
                WriteIndicator(":", needWhitespace: false);
            }
            else
            {
                WriteIndicator("?", needWhitespace: true);
                _indention = true;
                _indent = indent + BestIndent;
                WriteScalar(key, isKey: false);
                _indent = indent;
                WriteIndent();
                WriteIndicator(":", needWhitespace: true);
                _indention = true;
            }
            switch (value)
            {
                case null:
                    WritePlainAtom("null");
                    break;
                case long or int:
                    WritePlainAtom(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case string text:
                    _indent = indent + BestIndent;
                    WriteScalar(text, isKey: false);
                    break;
                case IReadOnlyDictionary<string, string> nested when nested.Count == 0:
                    WriteIndicator("{}", needWhitespace: true);
                    break;
                case IReadOnlyDictionary<string, string> nested:
                    foreach (var (k, v) in nested.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                    {
                        WriteEntry(k, v, indent + BestIndent);
                    }

                    break;
                case System.Collections.IList { Count: 0 }:
                    WriteIndicator("[]", needWhitespace: true);
                    break;
                default:
                    throw new ArgumentException($"Cannot write a {value.GetType().Name} to meta.yaml.", nameof(value));
            }

            _indent = indent;
            if (value is not IReadOnlyDictionary<string, string> { Count: > 0 })
            {
                WriteLineBreak();
            }
        }

        private void WritePlainAtom(string text)
        {
            WriteIndicator(text, needWhitespace: true);
        }

        private void WriteScalar(string text, bool isKey)
        {
            var codePoints = ToCodePoints(text);
            var analysis = Analyze(codePoints);
            var split = !isKey;
            var implicitString = !ResolvesToNonString(text);
            if (implicitString && !(isKey && (analysis.Empty || analysis.Multiline)) && analysis.AllowBlockPlain)
            {
                WritePlain(codePoints, split);
            }
            else if (analysis.AllowSingleQuoted && !(isKey && analysis.Multiline))
            {
                WriteSingleQuoted(codePoints, split);
            }
            else
            {
                WriteDoubleQuoted(codePoints, split);
            }
        }

        private void WriteIndicator(string indicator, bool needWhitespace)
        {
            var data = _whitespace || !needWhitespace ? indicator : " " + indicator;
            _whitespace = false;
            _indention = false;
            _column += data.Length;
            _out.Append(data);
        }

        private void WriteIndent()
        {
            if (!_indention || _column > _indent || (_column == _indent && !_whitespace))
            {
                WriteLineBreak();
            }

            if (_column < _indent)
            {
                _whitespace = true;
                _out.Append(' ', _indent - _column);
                _column = _indent;
            }
        }

        private void WriteLineBreak()
        {
            _whitespace = true;
            _indention = true;
            _column = 0;
            _out.Append('\n');
        }

        private void Write(int[] text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                _out.Append(char.ConvertFromUtf32(text[i]));
            }

            _column += end - start;
        }

        private void WritePlain(int[] text, bool split)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (!_whitespace)
            {
                _out.Append(' ');
                _column++;
            }

            _whitespace = false;
            _indention = false;
            var spaces = false;
            var start = 0;
            for (var end = 0; end <= text.Length; end++)
            {
                int? ch = end < text.Length ? text[end] : null;
                if (spaces)
                {
                    if (ch != ' ')
                    {
                        if (start + 1 == end && _column > BestWidth && split)
                        {
                            WriteIndent();
                            _whitespace = false;
                            _indention = false;
                        }
                        else
                        {
                            Write(text, start, end);
                        }

                        start = end;
                    }
                }
                else if (ch is null or ' ')
                {
                    // Plain scalars with line breaks are never chosen, so only spaces split words here.
                    Write(text, start, end);
                    start = end;
                }

                if (ch is not null)
                {
                    spaces = ch == ' ';
                }
            }
        }

        private void WriteSingleQuoted(int[] text, bool split)
        {
            WriteIndicator("'", needWhitespace: true);
            var spaces = false;
            var breaks = false;
            var start = 0;
            for (var end = 0; end <= text.Length; end++)
            {
                int? ch = end < text.Length ? text[end] : null;
                if (spaces)
                {
                    if (ch is null || ch != ' ')
                    {
                        if (start + 1 == end && _column > BestWidth && split && start != 0 && end != text.Length)
                        {
                            WriteIndent();
                        }
                        else
                        {
                            Write(text, start, end);
                        }

                        start = end;
                    }
                }
                else if (breaks)
                {
                    if (ch is null || !IsBreak(ch.Value))
                    {
                        if (text[start] == '\n')
                        {
                            WriteLineBreak();
                        }

                        for (var i = start; i < end; i++)
                        {
                            if (text[i] == '\n')
                            {
                                WriteLineBreak();
                            }
                            else
                            {
                                _out.Append(char.ConvertFromUtf32(text[i]));
                                _whitespace = true;
                                _indention = true;
                                _column = 0;
                            }
                        }

                        WriteIndent();
                        start = end;
                    }
                }
                else if (ch is null || ch == ' ' || IsBreak(ch.Value) || ch == '\'')
                {
                    if (start < end)
                    {
                        Write(text, start, end);
                        start = end;
                    }
                }

                if (ch == '\'')
                {
                    _out.Append("''");
                    _column += 2;
                    start = end + 1;
                }

                if (ch is not null)
                {
                    spaces = ch == ' ';
                    breaks = IsBreak(ch.Value);
                }
            }

            WriteIndicator("'", needWhitespace: false);
        }

        private void WriteDoubleQuoted(int[] text, bool split)
        {
            WriteIndicator("\"", needWhitespace: true);
            var start = 0;
            for (var end = 0; end <= text.Length; end++)
            {
                int? ch = end < text.Length ? text[end] : null;
                if (ch is null || ch is '"' or '\\' or 0x85 or 0x2028 or 0x2029 or 0xFEFF || !IsPrintableForDoubleQuoted(ch.Value))
                {
                    if (start < end)
                    {
                        Write(text, start, end);
                        start = end;
                    }

                    if (ch is not null)
                    {
                        var escaped = Escape(ch.Value);
                        _out.Append(escaped);
                        _column += escaped.Length;
                        start = end + 1;
                    }
                }

                if (end > 0 && end < text.Length - 1 && (ch == ' ' || start >= end) && _column + (end - start) > BestWidth && split)
                {
                    Write(text, start, end);
                    _out.Append('\\');
                    _column++;
                    if (start < end)
                    {
                        start = end;
                    }

                    WriteIndent();
                    _whitespace = false;
                    _indention = false;
                    if (text[start] == ' ')
                    {
                        _out.Append('\\');
                        _column++;
                    }
                }
            }

            WriteIndicator("\"", needWhitespace: false);
        }

        private static bool IsPrintableForDoubleQuoted(int ch) =>
            ch is (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD);

        private static string Escape(int ch) => ch switch
        {
            0x00 => "\\0",
            0x07 => "\\a",
            0x08 => "\\b",
            0x09 => "\\t",
            0x0A => "\\n",
            0x0B => "\\v",
            0x0C => "\\f",
            0x0D => "\\r",
            0x1B => "\\e",
            '"' => "\\\"",
            '\\' => "\\\\",
            0x85 => "\\N",
            0xA0 => "\\_",
            0x2028 => "\\L",
            0x2029 => "\\P",
            <= 0xFF => string.Create(CultureInfo.InvariantCulture, $"\\x{ch:X2}"),
            <= 0xFFFF => string.Create(CultureInfo.InvariantCulture, $"\\u{ch:X4}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"\\U{ch:X8}"),
        };
    }

    private static bool IsBreak(int ch) => ch is '\n' or 0x85 or 0x2028 or 0x2029;

    private static bool IsSpaceOrBreak(int ch) => ch is '\0' or ' ' or '\t' or '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    private static int[] ToCodePoints(string text)
    {
        var points = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            points.Add(rune.Value);
        }

        return [.. points];
    }

    private readonly record struct Analysis(bool Empty, bool Multiline, bool AllowBlockPlain, bool AllowSingleQuoted);

    // emitter.py analyze_scalar, block context only (we never write flow collections with content).
    private static Analysis Analyze(int[] scalar)
    {
        if (scalar.Length == 0)
        {
            return new Analysis(Empty: true, Multiline: false, AllowBlockPlain: true, AllowSingleQuoted: true);
        }

        var blockIndicators = false;
        var lineBreaks = false;
        var specialCharacters = false;
        var leadingSpace = false;
        var leadingBreak = false;
        var trailingSpace = false;
        var trailingBreak = false;
        var breakSpace = false;
        var spaceBreak = false;

        if (StartsWith(scalar, "---") || StartsWith(scalar, "..."))
        {
            blockIndicators = true;
        }

        var precededByWhitespace = true;
        var followedByWhitespace = scalar.Length == 1 || IsSpaceOrBreak(scalar[1]);
        var previousSpace = false;
        var previousBreak = false;
        for (var index = 0; index < scalar.Length; index++)
        {
            var ch = scalar[index];
            if (index == 0)
            {
                if (ch < 0x80 && "#,[]{}&*!|>'\"%@`".Contains((char)ch, StringComparison.Ordinal))
                {
                    blockIndicators = true;
                }

                if (ch is '?' or ':' && followedByWhitespace)
                {
                    blockIndicators = true;
                }

                if (ch == '-' && followedByWhitespace)
                {
                    blockIndicators = true;
                }
            }
            else
            {
                if (ch == ':' && followedByWhitespace)
                {
                    blockIndicators = true;
                }

                if (ch == '#' && precededByWhitespace)
                {
                    blockIndicators = true;
                }
            }

            if (IsBreak(ch))
            {
                lineBreaks = true;
            }

            if (!(ch == '\n' || ch is >= 0x20 and <= 0x7E))
            {
                var unicodeAllowed = (ch == 0x85 || ch is >= 0xA0 and <= 0xD7FF || ch is >= 0xE000 and <= 0xFFFD || ch is >= 0x10000 and < 0x10FFFF) && ch != 0xFEFF;
                if (!unicodeAllowed)
                {
                    specialCharacters = true;
                }
            }

            if (ch == ' ')
            {
                if (index == 0)
                {
                    leadingSpace = true;
                }

                if (index == scalar.Length - 1)
                {
                    trailingSpace = true;
                }

                if (previousBreak)
                {
                    breakSpace = true;
                }

                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(ch))
            {
                if (index == 0)
                {
                    leadingBreak = true;
                }

                if (index == scalar.Length - 1)
                {
                    trailingBreak = true;
                }

                if (previousSpace)
                {
                    spaceBreak = true;
                }

                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }

            precededByWhitespace = IsSpaceOrBreak(ch);
            followedByWhitespace = index + 2 >= scalar.Length || IsSpaceOrBreak(scalar[index + 2]);
        }

        var allowBlockPlain = true;
        var allowSingleQuoted = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        {
            allowBlockPlain = false;
        }

        if (breakSpace)
        {
            allowBlockPlain = allowSingleQuoted = false;
        }

        if (spaceBreak || specialCharacters)
        {
            allowBlockPlain = allowSingleQuoted = false;
        }

        if (lineBreaks || blockIndicators)
        {
            allowBlockPlain = false;
        }

        return new Analysis(Empty: false, Multiline: lineBreaks, AllowBlockPlain: allowBlockPlain, AllowSingleQuoted: allowSingleQuoted);
    }

    private static bool StartsWith(int[] scalar, string prefix)
    {
        if (scalar.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (scalar[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;
using System.Text;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// Reads the <c>meta.yaml</c> files of MLflow's file store: block mappings of scalars (plain, single- or
/// double-quoted, folded over several lines), <c>null</c>, <c>[]</c>, <c>{}</c> and nested block mappings,
/// which is everything PyYAML's <c>safe_dump</c> writes for those files.
/// </summary>
/// <remarks>
/// Values come back as <see langword="null"/> (<c>null</c>, <c>~</c>, nothing), <see cref="string"/> (plain
/// scalars keep their text, so numbers are parsed by the caller), an empty list, or a nested dictionary.
/// Anything outside that subset raises <see cref="FormatException"/> naming the line.
/// </remarks>
internal static class PyYamlReader
{
    /// <summary>Parses a document whose root is a block mapping.</summary>
    public static Dictionary<string, object?> Read(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[0] == "---")
        {
            lines.RemoveAt(0);
        }

        var index = 0;
        return ReadMapping(lines, ref index, indent: 0);
    }

    private static Dictionary<string, object?> ReadMapping(List<string> lines, ref int index, int indent)
    {
        var mapping = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (index < lines.Count)
        {
            var line = lines[index];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                index++;
                continue;
            }

            var lineIndent = line.Length - line.TrimStart(' ').Length;
            if (lineIndent < indent)
            {
                break;
            }

            if (lineIndent > indent)
            {
                throw new FormatException($"Unexpected indentation at line {index + 1}: '{line}'.");
            }

            string key, rest;
            if (line[lineIndent..].StartsWith("? ", StringComparison.Ordinal) || line[lineIndent..] == "?")
            {
                // A complex key (long or multi-line): "? key" over one or more lines, then ": value".
                var keyLines = new List<string> { line[(lineIndent + 1)..].Trim() };
                index++;
                while (index < lines.Count && !(Indent(lines[index]) == indent && lines[index][indent..].StartsWith(':')))
                {
                    keyLines.Add(lines[index]);
                    index++;
                }

                if (index == lines.Count)
                {
                    throw new FormatException($"The complex key at line {index + 1} has no ': value' line.");
                }

                key = ParseScalar(Fold(keyLines, keyLines[0].StartsWith('"')), index) as string ?? string.Empty;
                rest = lines[index][(indent + 1)..].Trim();
            }
            else
            {
                (key, rest) = SplitKey(line[lineIndent..], index);
            }

            index++;
            if (rest.Length == 0)
            {
                var next = NextContentLine(lines, index);
                if (next >= 0 && Indent(lines[next]) > indent && !lines[next].TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    index = next;
                    mapping[key] = ReadMapping(lines, ref index, Indent(lines[next]));
                }
                else
                {
                    mapping[key] = null;
                }

                continue;
            }

            var valueLines = new List<string> { rest };
            while (index < lines.Count && (lines[index].Trim().Length == 0 || Indent(lines[index]) > indent))
            {
                var next = NextContentLine(lines, index);
                if (next < 0 || Indent(lines[next]) <= indent)
                {
                    break;
                }

                valueLines.Add(lines[index]);
                index++;
            }

            mapping[key] = ParseScalar(Fold(valueLines, rest.StartsWith('"')), index);
        }

        return mapping;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static int NextContentLine(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static (string Key, string Value) SplitKey(string line, int index)
    {
        if (line[0] is '\'' or '"')
        {
            var close = FindClosingQuote(line, line[0]);
            if (close < 0 || close + 1 >= line.Length || line[close + 1] != ':')
            {
                throw new FormatException($"Malformed quoted key at line {index + 1}: '{line}'.");
            }

            var quoted = line[..(close + 1)];
            return ((string)ParseScalar(quoted, index)!, line[(close + 2)..].Trim());
        }

        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            if (!line.EndsWith(':'))
            {
                throw new FormatException($"Expected 'key: value' at line {index + 1}: '{line}'.");
            }

            colon = line.Length - 1;
        }

        return (line[..colon], line[(colon + 1)..].Trim());
    }

    private static int FindClosingQuote(string text, char quote)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (quote == '\'' && text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (quote == '"')
            {
                if (text[i] == '\\')
                {
                    i++;
                    continue;
                }

                if (text[i] == '"')
                {
                    return i;
                }
            }
        }

        return -1;
    }

    // YAML line folding of flow scalars: one line break between text becomes a space, n empty lines become
    // n line feeds; in double quotes a trailing backslash joins the lines with nothing between them.
    private static string Fold(List<string> lines, bool doubleQuoted)
    {
        if (!doubleQuoted)
        {
            lines = SplitUnicodeBreaks(lines);
        }

        var builder = new StringBuilder(lines[0].TrimEnd(' ', '\t'));
        var emptyLines = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            var part = lines[i].Trim(' ', '\t');
            if (part.Length == 0)
            {
                emptyLines++;
                continue;
            }

            if (doubleQuoted && EndsWithEscape(builder))
            {
                builder.Length--;
            }
            else
            {
                builder.Append(emptyLines == 0 ? " " : new string('\n', emptyLines));
            }

            builder.Append(part);
            emptyLines = 0;
        }

        return builder.ToString();
    }

    // PyYAML also breaks lines at NEL (read as a plain line break) and at LS/PS (kept as themselves,
    // with the indentation after them dropped); only unquoted and single-quoted text holds them raw.
    private static List<string> SplitUnicodeBreaks(List<string> lines)
    {
        var result = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            var text = line;
            foreach (var separator in new[] { '\u2028', '\u2029' })
            {
                var at = text.IndexOf(separator, StringComparison.Ordinal);
                while (at >= 0)
                {
                    var end = at + 1;
                    while (end < text.Length && text[end] is ' ' or '\t')
                    {
                        end++;
                    }

                    text = string.Concat(text.AsSpan(0, at + 1), text.AsSpan(end));
                    at = text.IndexOf(separator, at + 1);
                }
            }

            result.AddRange(text.Split('\u0085'));
        }

        return result;
    }

    private static bool EndsWithEscape(StringBuilder builder)
    {
        var count = 0;
        for (var i = builder.Length - 1; i >= 0 && builder[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static object? ParseScalar(string text, int index)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "[]":
                return new List<object?>();
            case "{}":
                return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        if (text[0] == '\'')
        {
            if (text.Length < 2 || FindClosingQuote(text, '\'') != text.Length - 1)
            {
                throw new FormatException($"Unterminated single-quoted value before line {index + 1}.");
            }

            return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (text[0] == '"')
        {
            if (text.Length < 2 || FindClosingQuote(text, '"') != text.Length - 1)
            {
                throw new FormatException($"Unterminated double-quoted value before line {index + 1}.");
            }

            return Unescape(text[1..^1]);
        }

        return text;
    }

    private static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var code = text[++i];
            switch (code)
            {
                case '0': builder.Append('\0'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 't' or '\t': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'v': builder.Append('\v'); break;
                case 'f': builder.Append('\f'); break;
                case 'r': builder.Append('\r'); break;
                case 'e': builder.Append('\u001B'); break;
                case ' ': builder.Append(' '); break;
                case '"': builder.Append('"'); break;
                case '/': builder.Append('/'); break;
                case '\\': builder.Append('\\'); break;
                case 'N': builder.Append('\u0085'); break;
                case '_': builder.Append('\u00A0'); break;
                case 'L': builder.Append('\u2028'); break;
                case 'P': builder.Append('\u2029'); break;
                case 'x': builder.Append(HexCodePoint(text, ref i, 2)); break;
                case 'u': builder.Append(HexCodePoint(text, ref i, 4)); break;
                case 'U': builder.Append(HexCodePoint(text, ref i, 8)); break;
                default: throw new FormatException($"Unknown escape '\\{code}' in a double-quoted value.");
            }
        }

        return builder.ToString();
    }

    private static string HexCodePoint(string text, ref int i, int length)
    {
        if (i + length >= text.Length)
        {
            throw new FormatException("Truncated escape in a double-quoted value.");
        }

        var value = int.Parse(text.AsSpan(i + 1, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        i += length;
        return char.ConvertFromUtf32(value);
    }
}

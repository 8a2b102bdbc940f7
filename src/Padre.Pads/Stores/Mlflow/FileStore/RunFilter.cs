using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// The part of MLflow's run search syntax the file store evaluates: comparisons joined by <c>AND</c> on
/// <c>metrics.k</c> (<c>= != &gt; &gt;= &lt; &lt;=</c> against a number), <c>params.k</c> and <c>tags.k</c>
/// (<c>= != LIKE ILIKE</c> against a quoted string), and the attributes <c>status</c>, <c>run_name</c>,
/// <c>run_id</c>, <c>user_id</c> (strings), <c>start_time</c>, <c>end_time</c> (numbers). Keys may be quoted
/// with backticks or double quotes. Anything else is refused with a message saying what is supported.
/// </summary>
internal sealed class RunFilter
{
    private readonly IReadOnlyList<Comparison> _comparisons;

    private RunFilter(IReadOnlyList<Comparison> comparisons) => _comparisons = comparisons;

    /// <summary>Parses <paramref name="filter"/>; null or blank matches every run.</summary>
    /// <exception cref="TrackingStoreException">INVALID_PARAMETER_VALUE when the filter is outside the subset.</exception>
    public static RunFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new RunFilter([]);
        }

        var tokens = Tokenize(filter);
        var comparisons = new List<Comparison>();
        var position = 0;
        while (true)
        {
            if (position + 3 > tokens.Count)
            {
                throw Unsupported(filter, "a comparison needs an identifier, an operator and a value");
            }

            comparisons.Add(ParseComparison(filter, tokens[position], tokens[position + 1], tokens[position + 2]));
            position += 3;
            if (position == tokens.Count)
            {
                break;
            }

            if (tokens[position].Kind != TokenKind.Word || !tokens[position].Text.Equals("AND", StringComparison.OrdinalIgnoreCase))
            {
                throw Unsupported(filter, $"'{tokens[position].Text}' where AND was expected (OR and parentheses are not supported)");
            }

            position++;
        }

        return new RunFilter(comparisons);
    }

    /// <summary>True when the run satisfies every comparison.</summary>
    public bool Matches(RunRecord run) => _comparisons.All(comparison => comparison.Matches(run));

    private static Comparison ParseComparison(string filter, Token identifier, Token op, Token value)
    {
        if (identifier.Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier))
        {
            throw Unsupported(filter, $"'{identifier.Text}' is not an identifier");
        }

        var (entity, key) = SplitIdentifier(filter, identifier);
        if (op.Kind != TokenKind.Operator && !(op.Kind == TokenKind.Word && op.Text.ToUpperInvariant() is "LIKE" or "ILIKE"))
        {
            throw Unsupported(filter, $"'{op.Text}' is not a supported comparison operator");
        }

        var comparator = op.Text.ToUpperInvariant();
        var numeric = entity == Entity.Metric || (entity == Entity.Attribute && key is "start_time" or "end_time");
        if (numeric)
        {
            if (comparator is "LIKE" or "ILIKE" || value.Kind != TokenKind.Number)
            {
                throw Unsupported(filter, $"'{identifier.Text}' is compared with a number using = != > >= < <=");
            }

            return new Comparison(entity, key, comparator, null, double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (comparator is not ("=" or "!=" or "LIKE" or "ILIKE") || value.Kind != TokenKind.String)
        {
            throw Unsupported(filter, $"'{identifier.Text}' is compared with a quoted string using = != LIKE ILIKE");
        }

        return new Comparison(entity, key, comparator, value.Text, 0);
    }

    private static (Entity Entity, string Key) SplitIdentifier(string filter, Token identifier)
    {
        if (identifier.Kind == TokenKind.QuotedIdentifier)
        {
            return (Entity.Attribute, AttributeName(filter, identifier.Text));
        }

        var text = identifier.Text;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (Entity.Attribute, AttributeName(filter, text));
        }

        var prefix = text[..dot].ToLowerInvariant();
        var key = text[(dot + 1)..];
        if (key.Length > 1 && key[0] is '`' or '"' && key[^1] == key[0])
        {
            key = key[1..^1];
        }

        return prefix switch
        {
            "metric" or "metrics" => (Entity.Metric, key),
            "param" or "params" or "parameter" or "parameters" => (Entity.Param, key),
            "tag" or "tags" => (Entity.Tag, key),
            "attribute" or "attributes" or "attr" or "run" => (Entity.Attribute, AttributeName(filter, key)),
            _ => throw Unsupported(filter, $"'{prefix}' is not metrics, params, tags or attributes"),
        };
    }

    private static string AttributeName(string filter, string name) => name.ToLowerInvariant() switch
    {
        "status" or "run_name" or "run_id" or "user_id" or "start_time" or "end_time" => name.ToLowerInvariant(),
        "run_uuid" => "run_id",
        _ => throw Unsupported(filter, $"attribute '{name}' is not one of status, run_name, run_id, user_id, start_time, end_time"),
    };

    private static TrackingStoreException Unsupported(string filter, string reason) => new(
        "INVALID_PARAMETER_VALUE",
        $"The file store cannot evaluate the filter \"{filter}\": {reason}. It supports comparisons joined by AND on " +
        "metrics.<key> (= != > >= < <= number), params.<key> and tags.<key> (= != LIKE ILIKE 'text') and the attributes " +
        "status, run_name, run_id, user_id (strings) and start_time, end_time (numbers); use a SQLite store or a tracking " +
        "server for the full MLflow search syntax.");

    private static List<Token> Tokenize(string filter)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"' or '`')
            {
                var close = filter.IndexOf(c, i + 1);
                if (close < 0)
                {
                    throw Unsupported(filter, $"the quote opened at position {i} is not closed");
                }

                var text = filter[(i + 1)..close];
                // A quoted name glued to "metrics." etc. belongs to the previous word (metrics.`my key`).
                if (c != '\'' && tokens.Count > 0 && tokens[^1].Kind == TokenKind.Word && tokens[^1].Text.EndsWith('.') && i > 0 && filter[i - 1] == '.')
                {
                    tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + c + text + c };
                }
                else
                {
                    tokens.Add(new Token(c == '`' ? TokenKind.QuotedIdentifier : TokenKind.String, text));
                }

                i = close + 1;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var length = i + 1 < filter.Length && filter[i + 1] == '=' ? 2 : 1;
                var op = filter.Substring(i, length);
                if (op == "!")
                {
                    throw Unsupported(filter, "'!' must be followed by '='");
                }

                tokens.Add(new Token(TokenKind.Operator, op == "==" ? "=" : op));
                i += length;
            }
            else if (char.IsDigit(c) || ((c is '-' or '+' or '.') && i + 1 < filter.Length && (char.IsDigit(filter[i + 1]) || filter[i + 1] == '.')))
            {
                var start = i;
                i++;
                while (i < filter.Length && (char.IsLetterOrDigit(filter[i]) || filter[i] is '.' or '+' or '-') &&
                       !(filter[i] is '+' or '-' && filter[i - 1] is not ('e' or 'E')))
                {
                    i++;
                }

                var number = filter[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw Unsupported(filter, $"'{number}' is not a number");
                }

                tokens.Add(new Token(TokenKind.Number, number));
            }
            else
            {
                var start = i;
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('=' or '!' or '<' or '>' or '\'' or '"' or '`'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, filter[start..i]));
            }
        }

        return tokens;
    }

    private enum Entity
    {
        Metric,
        Param,
        Tag,
        Attribute,
    }

    private enum TokenKind
    {
        Word,
        QuotedIdentifier,
        String,
        Number,
        Operator,
    }

    private readonly record struct Token(TokenKind Kind, string Text);

    private sealed record Comparison(Entity Entity, string Key, string Comparator, string? Text, double Number)
    {
        public bool Matches(RunRecord run)
        {
            switch (Entity)
            {
                case Entity.Metric:
                    foreach (var metric in run.LatestMetrics)
                    {
                        if (metric.Key == Key)
                        {
                            return Compare(metric.Value, Number);
                        }
                    }

                    return false;
                case Entity.Param:
                    foreach (var param in run.Params)
                    {
                        if (param.Key == Key)
                        {
                            return CompareText(param.Value);
                        }
                    }

                    return false;
                case Entity.Tag:
                    foreach (var tag in run.Tags)
                    {
                        if (tag.Key == Key)
                        {
                            return CompareText(tag.Value);
                        }
                    }

                    return false;
                default:
                    return Key switch
                    {
                        "status" => CompareText(run.Info.Status.ToString().ToUpperInvariant()),
                        "run_name" => CompareText(run.Info.RunName),
                        "run_id" => CompareText(run.Info.RunId),
                        "user_id" => CompareText(run.Info.UserId),
                        "start_time" => Compare(run.Info.StartTime, Number),
                        _ => run.Info.EndTime is { } end && Compare(end, Number),
                    };
            }
        }

        private bool Compare(double actual, double expected) => Comparator switch
        {
            "=" => actual == expected,
            "!=" => actual != expected,
            ">" => actual > expected,
            ">=" => actual >= expected,
            "<" => actual < expected,
            _ => actual <= expected,
        };

        private bool CompareText(string actual) => Comparator switch
        {
            "=" => actual == Text,
            "!=" => actual != Text,
            "LIKE" => Like(actual, ignoreCase: false),
            _ => Like(actual, ignoreCase: true),
        };

        private bool Like(string actual, bool ignoreCase)
        {
            var pattern = new StringBuilder("^");
            foreach (var c in Text!)
            {
                pattern.Append(c switch
                {
                    '%' => ".*",
                    '_' => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            pattern.Append('$');
            var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            return Regex.IsMatch(actual, pattern.ToString(), options, TimeSpan.FromSeconds(1));
        }
    }
}

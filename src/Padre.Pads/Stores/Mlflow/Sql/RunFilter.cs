using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Padre.Pads.Stores.Mlflow.Sql;

/// <summary>
/// The part of MLflow's run search syntax this store understands, turned into a parameterised SQL condition on
/// <c>runs</c>: comparisons joined by <c>AND</c> on attributes, params, tags and latest metrics.
/// </summary>
internal sealed partial class RunFilter
{
    private static readonly Dictionary<string, (string Column, bool Numeric)> Attributes = new(StringComparer.Ordinal)
    {
        ["status"] = ("status", false),
        ["run_name"] = ("name", false),
        ["run_id"] = ("run_uuid", false),
        ["user_id"] = ("user_id", false),
        ["lifecycle_stage"] = ("lifecycle_stage", false),
        ["artifact_uri"] = ("artifact_uri", false),
        ["start_time"] = ("start_time", true),
        ["end_time"] = ("end_time", true),
    };

    private static readonly string[] StringComparators = ["=", "!=", "LIKE", "ILIKE"];
    private static readonly string[] NumericComparators = ["=", "!=", ">", ">=", "<", "<="];

    [GeneratedRegex(
        @"\G\s*(?:(?<ident>[A-Za-z_]+)(?:\.(?:`(?<key>[^`]+)`|""(?<key>[^""]+)""|(?<key>[\w.\-/:]+)))?|'(?<str>[^']*)'|""(?<str>[^""]*)""|(?<num>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?<op>>=|<=|!=|=|>|<))\s*",
        RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    private RunFilter(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        Sql = sql;
        Parameters = parameters;
    }

    /// <summary>The condition (empty when there is no filter).</summary>
    public string Sql { get; }

    /// <summary>The values bound to the condition's parameters.</summary>
    public IReadOnlyList<(string Name, object? Value)> Parameters { get; }

    /// <summary>Parses a filter; unsupported syntax raises INVALID_PARAMETER_VALUE naming what is not supported.</summary>
    public static RunFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new RunFilter(string.Empty, []);
        }

        var tokens = Tokenize(filter);
        var sql = new StringBuilder();
        var parameters = new List<(string, object?)>();
        var position = 0;
        while (true)
        {
            if (position + 3 > tokens.Count)
            {
                throw Unsupported(filter, "expected a comparison such as params.lr = '0.01'");
            }

            if (sql.Length > 0)
            {
                sql.Append(" AND ");
            }

            sql.Append(Comparison(filter, tokens[position], tokens[position + 1], tokens[position + 2], parameters));
            position += 3;
            if (position == tokens.Count)
            {
                break;
            }

            if (tokens[position] is not { Kind: "ident", Text: var word } || !word.Equals("AND", StringComparison.OrdinalIgnoreCase) || tokens[position].Key is not null)
            {
                throw Unsupported(filter, $"only AND joins comparisons here, found '{tokens[position].Text}'");
            }

            position++;
        }

        return new RunFilter(sql.ToString(), parameters);
    }

    private sealed record FilterToken(string Kind, string Text, string? Key);

    private static List<FilterToken> Tokenize(string filter)
    {
        var tokens = new List<FilterToken>();
        var index = 0;
        while (index < filter.Length)
        {
            var match = Token().Match(filter, index);
            if (!match.Success || match.Length == 0)
            {
                if (string.IsNullOrWhiteSpace(filter[index..]))
                {
                    break;
                }

                throw Unsupported(filter, $"cannot read '{filter[index..]}'");
            }

            if (match.Groups["ident"].Success)
            {
                tokens.Add(new FilterToken("ident", match.Groups["ident"].Value, match.Groups["key"].Success ? match.Groups["key"].Value : null));
            }
            else if (match.Groups["str"].Success)
            {
                tokens.Add(new FilterToken("str", match.Groups["str"].Value, null));
            }
            else if (match.Groups["num"].Success)
            {
                tokens.Add(new FilterToken("num", match.Groups["num"].Value, null));
            }
            else
            {
                tokens.Add(new FilterToken("op", match.Groups["op"].Value, null));
            }

            index += match.Length;
        }

        return tokens;
    }

    private static string Comparison(string filter, FilterToken left, FilterToken comparator, FilterToken right, List<(string, object?)> parameters)
    {
        if (left.Kind != "ident")
        {
            throw Unsupported(filter, $"'{left.Text}' is not a field such as params.x, tags.x, metrics.x or attributes.status");
        }

        var op = comparator.Kind == "op" ? comparator.Text : comparator.Kind == "ident" && comparator.Key is null ? comparator.Text.ToUpperInvariant() : comparator.Text;
        var type = left.Key is null ? "attributes" : left.Text.ToLowerInvariant();
        var key = left.Key ?? left.Text;
        var keyName = $"$k{parameters.Count}";
        var valueName = $"$v{parameters.Count}";
        switch (type)
        {
            case "attribute" or "attributes" or "attr" or "run":
                if (!Attributes.TryGetValue(key, out var attribute))
                {
                    throw Unsupported(filter, $"attribute '{key}' is not supported (supported: {string.Join(", ", Attributes.Keys)})");
                }

                if (attribute.Numeric)
                {
                    parameters.Add((valueName, Number(filter, op, right)));
                    return $"runs.{attribute.Column} {op} {valueName}";
                }

                parameters.Add((valueName, Text(filter, op, right)));
                return StringCondition($"runs.{attribute.Column}", op, valueName);

            case "param" or "params" or "parameter" or "parameters":
                parameters.Add((keyName, key));
                parameters.Add((valueName, Text(filter, op, right)));
                return $"EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = runs.run_uuid AND p.key = {keyName} AND {StringCondition("p.value", op, valueName)})";

            case "tag" or "tags":
                parameters.Add((keyName, key));
                parameters.Add((valueName, Text(filter, op, right)));
                return $"EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = runs.run_uuid AND t.key = {keyName} AND {StringCondition("t.value", op, valueName)})";

            case "metric" or "metrics":
                parameters.Add((keyName, key));
                parameters.Add((valueName, Number(filter, op, right)));
                return $"EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = runs.run_uuid AND m.key = {keyName} AND m.is_nan = 0 AND m.value {op} {valueName})";

            default:
                throw Unsupported(filter, $"'{left.Text}.{key}' is not supported (use attributes., params., tags. or metrics.)");
        }
    }

    private static string StringCondition(string column, string op, string valueName) => op switch
    {
        "ILIKE" => $"lower({column}) LIKE lower({valueName})",
        _ => $"{column} {op} {valueName}",
    };

    private static string Text(string filter, string op, FilterToken value)
    {
        if (!StringComparators.Contains(op))
        {
            throw Unsupported(filter, $"comparator '{op}' is not supported for strings (use =, !=, LIKE or ILIKE)");
        }

        return value.Kind == "str" ? value.Text : throw Unsupported(filter, $"expected a quoted string, found '{value.Text}'");
    }

    private static double Number(string filter, string op, FilterToken value)
    {
        if (!NumericComparators.Contains(op))
        {
            throw Unsupported(filter, $"comparator '{op}' is not supported for numbers (use =, !=, >, >=, < or <=)");
        }

        return value.Kind == "num" && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Unsupported(filter, $"expected a number, found '{value.Text}'");
    }

    private static TrackingStoreException Unsupported(string filter, string reason) =>
        new("INVALID_PARAMETER_VALUE", $"Search filter \"{filter}\" is not supported by the SQLite store: {reason}.");
}

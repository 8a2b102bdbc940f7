using System.Globalization;
using System.Text;

namespace Padre.Pads.Stores;

/// <summary>
/// MLflow's validation rules and limits (observed on MLflow 3.11, see docs), and the one way
/// Padre.Pads brings a key or value within them: nothing invalid ever reaches a store, and every
/// change is described so it can be reported.
/// </summary>
public static partial class MlflowRules
{
    /// <summary>Longest metric, param, run-tag or experiment-tag key.</summary>
    public const int MaxKeyLength = 250;
    /// <summary>Longest param value; MLflow truncates longer values.</summary>
    public const int MaxParamValueLength = 6000;
    /// <summary>Longest run-tag value; MLflow truncates longer values.</summary>
    public const int MaxTagValueLength = 8000;
    /// <summary>Longest experiment-tag value; MLflow rejects longer values.</summary>
    public const int MaxExperimentTagValueLength = 5000;
    /// <summary>Longest experiment name.</summary>
    public const int MaxExperimentNameLength = 500;
    /// <summary>Most metrics in one log-batch request.</summary>
    public const int MaxMetricsPerBatch = 1000;
    /// <summary>Most params in one log-batch request.</summary>
    public const int MaxParamsPerBatch = 100;
    /// <summary>Most tags in one log-batch request.</summary>
    public const int MaxTagsPerBatch = 100;
    /// <summary>Most metrics + params + tags in one log-batch request.</summary>
    public const int MaxEntitiesPerBatch = 1000;
    /// <summary>Largest log-batch request body in bytes.</summary>
    public const int MaxBatchBytes = 1_000_000;
    /// <summary>Longest dataset digest.</summary>
    public const int MaxDatasetDigestLength = 36;
    /// <summary>Longest dataset name.</summary>
    public const int MaxDatasetNameLength = 500;
    /// <summary>Longest dataset source JSON.</summary>
    public const int MaxDatasetSourceLength = 65535;
    /// <summary>Longest dataset schema JSON.</summary>
    public const int MaxDatasetSchemaLength = 1048575;
    /// <summary>Longest dataset profile JSON.</summary>
    public const int MaxDatasetProfileLength = 16777215;
    /// <summary>Longest input-tag key.</summary>
    public const int MaxInputTagKeyLength = 255;
    /// <summary>Longest input-tag value.</summary>
    public const int MaxInputTagValueLength = 500;

    /// <summary>
    /// A character MLflow allows in a key (its pattern <c>^[/\w.\- :]*$</c>, with .NET's <c>\w</c>): a letter, a
    /// nonspacing mark, a decimal digit, connector punctuation, '/', '.', '-', ' ' or ':'.
    /// </summary>
    /// <remarks>Written out rather than matched with a regex: keys are checked on the program's thread at its first
    /// hooked call, and the regex engine's first use loads and initialises <c>System.Text.RegularExpressions</c> there.</remarks>
    internal static bool IsAllowedKeyCharacter(char c) =>
        c is '/' or '.' or '-' or ' ' or ':' || char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    // As the pattern reads in MLflow (Python) and in .NET, '$' also matches before one final '\n': such a key passes.
    private static bool HasOnlyAllowedKeyCharacters(string key)
    {
        var end = key.EndsWith('\n') ? key.Length - 1 : key.Length;
        for (var i = 0; i < end; i++)
        {
            if (!IsAllowedKeyCharacter(key[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Checks a key as MLflow does. Returns null when valid, else MLflow's reason.
    /// </summary>
    public static string? ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "Missing value for required parameter 'key'.";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"'key' exceeds the maximum length of {MaxKeyLength} characters";
        }

        if (!HasOnlyAllowedKeyCharacters(key))
        {
            return "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).";
        }

        if (!IsNormalizedRelativePath(key))
        {
            return "Names may be treated as files in certain cases, and must not resolve to other names when treated as such.";
        }

        return null;
    }

    /// <summary>
    /// Brings a key within MLflow's rules: characters outside them become '_', empty, '.' and '..'
    /// path segments are removed or escaped, and the result is cut to 250 characters.
    /// A valid key is returned unchanged (the same instance).
    /// </summary>
    public static string SanitizeKey(string? key)
    {
        if (key is not null && ValidateKey(key) is null)
        {
            return key;
        }

        var builder = new StringBuilder(key?.Length ?? 1);
        foreach (var segment in (key ?? string.Empty).Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            if (segment == "..")
            {
                builder.Append("__");
                continue;
            }

            foreach (var c in segment)
            {
                builder.Append(IsAllowedKeyCharacter(c) ? c : '_');
            }
        }

        var sanitized = builder.Length == 0 ? "_" : builder.ToString();
        if (sanitized.Length > MaxKeyLength)
        {
            sanitized = sanitized[..MaxKeyLength].TrimEnd('/');
        }

        return sanitized;
    }

    /// <summary>Cuts a param value to <see cref="MaxParamValueLength"/> as MLflow would; null becomes "".</summary>
    public static string TruncateParamValue(string? value) => Truncate(value, MaxParamValueLength);

    /// <summary>Cuts a run-tag value to <see cref="MaxTagValueLength"/> as MLflow would; null becomes "".</summary>
    public static string TruncateTagValue(string? value) => Truncate(value, MaxTagValueLength);

    /// <summary>Cuts an experiment-tag value to <see cref="MaxExperimentTagValueLength"/> (MLflow would reject it).</summary>
    public static string TruncateExperimentTagValue(string? value) => Truncate(value, MaxExperimentTagValueLength);

    private static string Truncate(string? value, int max) =>
        value is null ? string.Empty : value.Length <= max ? value : value[..max];

    private static bool IsNormalizedRelativePath(string key)
    {
        if (key == "." || key.StartsWith('/') || key.EndsWith('/'))
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return false;
            }
        }

        return true;
    }
}

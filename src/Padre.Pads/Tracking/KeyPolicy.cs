using System.Collections.Concurrent;
using Padre.Pads.Stores;

namespace Padre.Pads.Tracking;

/// <summary>
/// Brings keys and values within MLflow's rules on the caller's thread, cheaply: a key seen before costs one
/// dictionary lookup. Each correction is reported once per key, naming the key, the reason and what was logged instead.
/// </summary>
internal sealed class KeyPolicy(Reporter reporter)
{
    // Keys with ids in them could grow this without end; past the cap keys are still checked, just not remembered.
    private const int CacheLimit = 50_000;
    private readonly ConcurrentDictionary<string, string> checkedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> truncatedKeys = new(StringComparer.Ordinal);

    public string Key(string? key, string what)
    {
        if (IsPlainValidKey(key))
        {
            return key!;
        }

        if (key is not null && checkedKeys.TryGetValue(key, out var known))
        {
            return known;
        }

        var reason = MlflowRules.ValidateKey(key);
        var sanitized = reason is null ? key! : MlflowRules.SanitizeKey(key);
        if (key is null)
        {
            reporter.Warn("A {What} was logged without a key; it is logged as {Sanitized}.", what, sanitized);
            return sanitized;
        }

        if (checkedKeys.Count < CacheLimit)
        {
            if (checkedKeys.TryAdd(key, sanitized) && reason is not null)
            {
                reporter.Warn("The {What} key {Key} is not valid in MLflow ({Reason}); it is logged as {Sanitized}.", what, key, reason, sanitized);
            }
        }
        else if (reason is not null)
        {
            reporter.Warn("The {What} key {Key} is not valid in MLflow ({Reason}); it is logged as {Sanitized}.", what, key, reason, sanitized);
        }

        return sanitized;
    }

    // Most keys are short ASCII names without '/': valid by MLflow's rules at a glance, with no lookup or allocation.
    // Anything else (slashes, non-ASCII letters, odd characters) takes the full check, whose answer is remembered.
    private static bool IsPlainValidKey(string? key)
    {
        if (key is null || key.Length == 0 || key.Length > MlflowRules.MaxKeyLength || key is "." or "..")
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    public string ParamValue(string key, string? value)
    {
        if (value is not null && value.Length > MlflowRules.MaxParamValueLength && truncatedKeys.TryAdd("p:" + key, 0))
        {
            reporter.Warn("The value of param {Key} has {Length} characters; MLflow keeps {Max}, so it is cut there.", key, value.Length, MlflowRules.MaxParamValueLength);
        }

        return MlflowRules.TruncateParamValue(value);
    }

    public string TagValue(string key, string? value)
    {
        if (value is not null && value.Length > MlflowRules.MaxTagValueLength && truncatedKeys.TryAdd("t:" + key, 0))
        {
            reporter.Warn("The value of tag {Key} has {Length} characters; MLflow keeps {Max}, so it is cut there.", key, value.Length, MlflowRules.MaxTagValueLength);
        }

        return MlflowRules.TruncateTagValue(value);
    }
}

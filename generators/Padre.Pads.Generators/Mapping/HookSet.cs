using System;
using System.Collections.Generic;

namespace Padre.Pads.Generators.Mapping;

/// <summary>
/// The hook names of mapping files and their flag values; the values equal the runtime's
/// <c>Padre.Pads.Hooks.Hook</c> enum, which generated code names symbolically.
/// </summary>
[Flags]
internal enum HookSet
{
    None = 0,
    Init = 1,
    Fit = 2,
    Predict = 4,
    Transform = 8,
    Metric = 16,
    Split = 32,
    Log = 64,
}

internal static class HookNames
{
    public static readonly IReadOnlyList<string> All = ["init", "fit", "predict", "transform", "metric", "split", "log"];

    public static bool TryParse(string name, out HookSet hook)
    {
        hook = name.Trim().ToLowerInvariant() switch
        {
            "init" => HookSet.Init,
            "fit" => HookSet.Fit,
            "predict" => HookSet.Predict,
            "transform" => HookSet.Transform,
            "metric" => HookSet.Metric,
            "split" => HookSet.Split,
            "log" => HookSet.Log,
            _ => HookSet.None,
        };
        return hook != HookSet.None;
    }

    /// <summary>C# expression naming the flags, e.g. <c>global::Padre.Pads.Hooks.Hook.Fit | global::Padre.Pads.Hooks.Hook.Log</c>.</summary>
    public static string ToExpression(HookSet hooks)
    {
        var parts = new List<string>();
        foreach (HookSet value in Enum.GetValues(typeof(HookSet)))
        {
            if (value != HookSet.None && (hooks & value) == value)
            {
                parts.Add("global::Padre.Pads.Hooks.Hook." + value);
            }
        }

        return parts.Count == 0 ? "global::Padre.Pads.Hooks.Hook.None" : string.Join(" | ", parts);
    }
}

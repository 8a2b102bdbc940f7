using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>
/// Compares JSON as proto3 does: field order is free, absent equals default (null, "", [], {}), numbers compare by value.
/// Returns the path of the first difference, or null when equal.
/// </summary>
internal static class ProtoJson
{
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (IsDefault(expected) && IsDefault(actual))
        {
            return null;
        }

        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (Difference(e[key], a[key], $"{path}.{key}") is { } diff)
                    {
                        return diff;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path}: expected {e.Count} items, got {a.Count}";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], $"{path}[{i}]") is { } diff)
                    {
                        return diff;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                return Number(e) == Number(a) ? null : $"{path}: expected {e.ToJsonString()}, got {a.ToJsonString()}";
            default:
                return expected?.ToJsonString() == actual?.ToJsonString() ? null : $"{path}: expected {expected?.ToJsonString() ?? "absent"}, got {actual?.ToJsonString() ?? "absent"}";
        }
    }

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static bool IsDefault(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0,
        _ => false,
    };
}

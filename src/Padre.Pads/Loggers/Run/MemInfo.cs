using System.Globalization;

namespace Padre.Pads.Loggers.Run;

/// <summary>/proc/meminfo, in bytes, with the "used" figure computed as psutil (and so MLflow) computes it.</summary>
internal sealed class MemInfo(IReadOnlyDictionary<string, long> bytes)
{
    public long? this[string field] => bytes.TryGetValue(field, out var value) ? value : null;

    public long? Total => this["MemTotal"];

    /// <summary>MemAvailable (kernel 3.14+), else free + buffers + cache as older tools estimate it.</summary>
    public long? Available => this["MemAvailable"] ?? this["MemFree"] + (this["Buffers"] ?? 0) + (this["Cached"] ?? 0);

    /// <summary>psutil's <c>virtual_memory().used</c>: total - free - buffers - cached (cached includes SReclaimable).</summary>
    public long? Used
    {
        get
        {
            if (Total is not { } total || this["MemFree"] is not { } free)
                return null;
            var used = total - free - (this["Buffers"] ?? 0) - (this["Cached"] ?? 0) - (this["SReclaimable"] ?? 0);
            return used < 0 ? total - free : used;
        }
    }

    public static MemInfo Parse(string text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                continue;
            values[line[..colon].Trim()] = parts.Length > 1 && parts[1] == "kB" ? value * 1024 : value;
        }
        return new MemInfo(values);
    }
}

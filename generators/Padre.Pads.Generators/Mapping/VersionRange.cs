using System;

namespace Padre.Pads.Generators.Mapping;

/// <summary>
/// A NuGet-style version range: <c>5.0</c> (at least 5.0), <c>[5.0,6.0)</c>, <c>(,6.0]</c>, <c>[5.0.1]</c> (exactly).
/// </summary>
internal sealed record VersionRange(Version? Min, bool MinInclusive, Version? Max, bool MaxInclusive, string Text)
{
    public static bool TryParse(string text, out VersionRange? range, out string? error)
    {
        range = null;
        error = null;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = "the version range is empty; write e.g. \"[5.0,6.0)\"";
            return false;
        }

        if (s[0] != '[' && s[0] != '(')
        {
            if (!TryParseVersion(s, out var min))
            {
                error = "'" + s + "' is not a version; write e.g. \"5.0\" or \"[5.0,6.0)\"";
                return false;
            }

            range = new VersionRange(min, true, null, false, s);
            return true;
        }

        var last = s[s.Length - 1];
        if (last != ']' && last != ')')
        {
            error = "the range '" + s + "' must end with ']' or ')'";
            return false;
        }

        var inner = s.Substring(1, s.Length - 2);
        var comma = inner.IndexOf(',');
        if (comma < 0)
        {
            if (s[0] != '[' || last != ']' || !TryParseVersion(inner, out var exact))
            {
                error = "the range '" + s + "' must be \"[x.y]\" for an exact version or contain a comma";
                return false;
            }

            range = new VersionRange(exact, true, exact, true, s);
            return true;
        }

        var lower = inner.Substring(0, comma).Trim();
        var upper = inner.Substring(comma + 1).Trim();
        Version? lo = null;
        Version? hi = null;
        if ((lower.Length > 0 && !TryParseVersion(lower, out lo)) || (upper.Length > 0 && !TryParseVersion(upper, out hi)))
        {
            error = "the bounds of '" + s + "' are not versions";
            return false;
        }

        range = new VersionRange(lo, s[0] == '[', hi, last == ']', s);
        return true;
    }

    public bool Contains(Version version)
    {
        version = Normalize(version);
        if (Min is not null)
        {
            var c = version.CompareTo(Normalize(Min));
            if (c < 0 || (c == 0 && !MinInclusive))
            {
                return false;
            }
        }

        if (Max is not null)
        {
            var c = version.CompareTo(Normalize(Max));
            if (c > 0 || (c == 0 && !MaxInclusive))
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParseVersion(string text, out Version? version)
    {
        // Informational versions carry a commit ("5.0.1+abc") or a prerelease label ("5.1.0-preview.1").
        var cut = text.IndexOfAny(['+', '-', ' ']);
        var core = cut >= 0 ? text.Substring(0, cut) : text;
        if (core.IndexOf('.') < 0 && int.TryParse(core, out var major))
        {
            version = new Version(major, 0);
            return true;
        }

        return Version.TryParse(core, out version);
    }

    private static Version Normalize(Version v) =>
        new(v.Major, Math.Max(v.Minor, 0), Math.Max(v.Build, 0), Math.Max(v.Revision, 0));
}

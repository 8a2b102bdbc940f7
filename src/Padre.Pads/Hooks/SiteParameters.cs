using System.ComponentModel;

namespace Padre.Pads.Hooks;

/// <summary>
/// Reads the parameter table of an intercepted call site from the one string literal generated code writes for it
/// (a string is one token for the compiler; an array of constructions is a dozen per parameter, parsed in every build).
/// Not for hand-written code.
/// </summary>
/// <remarks>
/// The table lists the parameters in order, separated by spaces: a parameter the call left at its default is written
/// in brackets, and a role other than <see cref="ArgumentRole.Value"/> follows the name after a colon, e.g.
/// <c>"outputColumnName inputColumnName [keyData:Input] [options.L2Regularization:Option]"</c>. It runs once per
/// site, when the generated class holding the site is first used, and never throws: an unknown role reads as
/// <see cref="ArgumentRole.Value"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SiteParameters
{
    /// <summary>The parameters of <paramref name="table"/> (format above); empty for an empty string.</summary>
    public static SiteParameter[] Parse(string table)
    {
        if (string.IsNullOrEmpty(table))
        {
            return [];
        }

        var count = 1;
        foreach (var c in table)
        {
            if (c == ' ')
            {
                count++;
            }
        }

        var parameters = new SiteParameter[count];
        var index = 0;
        var start = 0;
        while (index < count)
        {
            var end = table.IndexOf(' ', start);
            if (end < 0)
            {
                end = table.Length;
            }

            parameters[index++] = Entry(table.AsSpan(start, end - start));
            start = end + 1;
        }

        return parameters;
    }

    private static SiteParameter Entry(ReadOnlySpan<char> entry)
    {
        var written = true;
        if (entry.Length >= 2 && entry[0] == '[' && entry[^1] == ']')
        {
            written = false;
            entry = entry[1..^1];
        }

        var role = ArgumentRole.Value;
        var colon = entry.IndexOf(':');
        if (colon >= 0)
        {
            role = Role(entry[(colon + 1)..]);
            entry = entry[..colon];
        }

        return new SiteParameter(entry.ToString(), written, role);
    }

    // Spelled out rather than Enum.Parse: no reflection, and nothing here throws.
    private static ArgumentRole Role(ReadOnlySpan<char> name) => name switch
    {
        "Input" => ArgumentRole.Input,
        "Target" => ArgumentRole.Target,
        "Model" => ArgumentRole.Model,
        "Options" => ArgumentRole.Options,
        "Option" => ArgumentRole.Option,
        "Ignore" => ArgumentRole.Ignore,
        _ => ArgumentRole.Value,
    };
}

using System;
using System.Text.RegularExpressions;

namespace Padre.Pads.Generators.Mapping;

/// <summary>A method name, or a regular expression written between slashes (<c>/^Sdca/</c>).</summary>
internal sealed record MethodPattern(string Text)
{
    public bool IsRegex => Text.Length > 2 && Text[0] == '/' && Text[Text.Length - 1] == '/';

    private const string MatchAll = "/.*/";

    private Regex? _regex;

    public static string? Validate(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "a method name must not be empty";
        }

        var pattern = new MethodPattern(text);
        if (!pattern.IsRegex)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern.Text.Substring(1, pattern.Text.Length - 2), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return "the regular expression " + text + " is invalid (" + e.Message + ")";
        }
    }

    public bool Matches(string methodName)
    {
        if (!IsRegex)
        {
            return string.Equals(Text, methodName, StringComparison.Ordinal);
        }

        if (Text == MatchAll)
        {
            // The built-in mapping's catalogs use it: no regular expression to build or run.
            return true;
        }

        _regex ??= new Regex(Text.Substring(1, Text.Length - 2), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        try
        {
            return _regex.IsMatch(methodName);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public bool Equals(MethodPattern? other) => other is not null && other.Text == Text;

    public override int GetHashCode() => Text.GetHashCode();
}

using System.Text;
using System.Text.RegularExpressions;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// The one place where secrets are removed from what the run loggers write: values of environment variables whose
/// names say they are secret, <c>--password x</c> / <c>token=x</c> style arguments, credentials in URLs,
/// authorization headers, and token shapes that are secret wherever they appear (GitHub, AWS, Slack, JWT, private keys).
/// </summary>
/// <remarks>Errs on the side of removing too much: a run record is shared, a leaked token is not recoverable.</remarks>
internal sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[REDACTED]";

    // Values shorter than this are too common ("1", "yes") to be replaced everywhere they occur.
    private const int MinimumSecretLength = 4;

    private static readonly string[] SecretWords =
    [
        "PASSWORD", "PASSWD", "PASS", "PWD", "PASSPHRASE", "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "KEY", "KEYS",
        "CREDENTIAL", "CREDENTIALS", "CREDS", "AUTH", "AUTHORIZATION", "COOKIE", "SIGNATURE", "PRIVATE", "SAS", "BEARER",
    ];

    private static readonly HashSet<string> NotSecrets = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "none", "yes", "no" };

    private readonly string[] _secretValues;

    /// <summary>A redactor that also removes every value of <paramref name="environment"/> whose name looks secret.</summary>
    public SecretRedactor(IEnumerable<KeyValuePair<string, string>> environment)
    {
        _secretValues = environment
            .Where(pair => IsSecretName(pair.Key))
            .Select(pair => pair.Value)
            .Where(value => value.Length >= MinimumSecretLength && !NotSecrets.Contains(value))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length) // a longer secret containing a shorter one is removed whole
            .ToArray();
    }

    /// <summary>Whether a variable, option or key with this name holds a secret (<c>GITHUB_TOKEN</c>, <c>--db-password</c>, <c>apiKey</c>).</summary>
    public static bool IsSecretName(string name)
    {
        var upper = name.TrimStart('-', '/').ToUpperInvariant();
        if (upper is "PWD" or "OLDPWD") // the shell's working directories
            return false;
        if (upper.Replace("_", "").Replace("-", "").Contains("CONNECTIONSTRING", StringComparison.Ordinal))
            return true;
        foreach (var word in Words(name.TrimStart('-', '/')))
            if (Array.IndexOf(SecretWords, word) >= 0)
                return true;
        return false;
    }

    /// <summary>The text with every secret it contains replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (text.Length == 0)
            return text;
        foreach (var secret in _secretValues)
            if (text.Contains(secret, StringComparison.Ordinal))
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = PrivateKeyBlock().Replace(text, Mask);
        text = StripUrlCredentials(text);
        text = AuthorizationHeader().Replace(text, "${kind} " + Mask);
        text = KnownTokenShape().Replace(text, Mask);
        text = SecretAssignment().Replace(text, match => match.Groups["key"].Value + match.Groups["sep"].Value + match.Groups["quote"].Value + Mask);
        return text;
    }

    /// <summary>
    /// Command-line arguments with secrets removed: the value after a secret-named option (<c>--password x</c>),
    /// <c>--token=x</c>, and anything <see cref="Redact"/> removes.
    /// </summary>
    public IReadOnlyList<string> RedactArguments(IReadOnlyList<string> arguments)
    {
        var result = new string[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var previous = i > 0 ? arguments[i - 1] : null;
            result[i] = previous is not null && IsSecretOption(previous) ? Mask : Redact(argument);
        }
        return result;
    }

    /// <summary>
    /// Text with the user name and password removed from every URL in it: <c>https://user:token@host/x</c> becomes
    /// <c>https://host/x</c>. A scan for "://" rather than a regular expression: it runs over whole source files and console logs.
    /// </summary>
    public static string StripUrlCredentials(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf("://", StringComparison.Ordinal); at >= 0; at = text.IndexOf("://", at + 3, StringComparison.Ordinal))
        {
            if (at == 0 || !IsSchemeChar(text[at - 1]))
                continue;
            var start = at + 3;
            var end = start;
            while (end < text.Length && text[end] is not ('/' or '@' or '\'' or '"' or '<' or '>') && !char.IsWhiteSpace(text[end]))
                end++;
            if (end == start || end == text.Length || text[end] != '@')
                continue;
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, start - copied);
            copied = end + 1;
            at = end - 2; // the next search starts after the '@'
        }
        if (result is null)
            return text;
        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    private static bool IsSchemeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-';

    // "--password", "-p"? no: only options whose name says secret, and only when the value is a separate argument.
    private static bool IsSecretOption(string argument) =>
        argument.Length > 1 && (argument[0] == '-' || argument[0] == '/') && !argument.Contains('=') && !argument.Contains(':') && IsSecretName(argument);

    // Splits SNAKE_CASE, kebab-case, dotted and camelCase names into upper-case words.
    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
                continue;
            }
            if (char.IsUpper(c) && word.Length > 0 && i > 0 && char.IsLower(name[i - 1]))
            {
                yield return word.ToString();
                word.Clear();
            }
            word.Append(char.ToUpperInvariant(c));
        }
        if (word.Length > 0)
            yield return word.ToString();
    }

    [GeneratedRegex(@"(?<kind>\b(?:[Bb]earer|[Bb]asic|[Tt]oken))\s+[A-Za-z0-9._~+/=\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_\-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9\-]{10,}|sk-[A-Za-z0-9_\-]{20,}|hf_[A-Za-z0-9]{20,}|eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})",
        RegexOptions.CultureInvariant)]
    private static partial Regex KnownTokenShape();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyBlock();

    // key=value, key: value, "key": "value" where the key ends with a word naming a secret (GITHUB_TOKEN=, db-password:),
    // so that code such as "tokenizer = ..." is left alone; the value ends at whitespace, a quote or a separator.
    // Only the end of the key matters (and is kept): starting the match at the secret word keeps the scan linear.
    [GeneratedRegex(@"(?<key>(?i:password|passwd|passphrase|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|client[_\-]?key|credential|connection[_\-]?string)s?""?)(?<sep>\s*[=:]\s*)(?<quote>""?)(?!\[REDACTED\])[^\s""&;,]+",
        RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();
}

using System.Text.RegularExpressions;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores;

public class MlflowRulesTests
{
    [Fact]
    public void Every_character_is_allowed_in_a_key_exactly_when_mlflows_pattern_allows_it()
    {
        var pattern = new Regex(@"^[/\w.\- :]$");
        var disagreeing = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
            .Where(c => MlflowRules.IsAllowedKeyCharacter(c) != pattern.IsMatch(c.ToString()))
            .Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.Empty(disagreeing);
    }

    [Fact]
    public void A_key_with_one_final_newline_passes_as_mlflows_pattern_lets_it_and_one_inside_does_not()
    {
        Assert.Null(MlflowRules.ValidateKey("loss\n"));
        Assert.NotNull(MlflowRules.ValidateKey("lo\nss"));
        Assert.NotNull(MlflowRules.ValidateKey("loss\n\n"));
    }

    [Fact]
    public void A_newline_inside_a_key_is_sanitized_to_an_underscore_so_the_result_is_valid()
    {
        var sanitized = MlflowRules.SanitizeKey("lo\nss");

        Assert.Equal("lo_ss", sanitized);
        Assert.Null(MlflowRules.ValidateKey(sanitized));
    }

    [Theory]
    [InlineData("loss")]
    [InlineData("a/b c:d-e.f_g")]
    [InlineData("train/acc")]
    [InlineData("ünïcode_wörds")]
    public void ValidateKey_accepts_keys_mlflow_accepts(string key) => Assert.Null(MlflowRules.ValidateKey(key));

    [Theory]
    [InlineData("bad*key")]
    [InlineData("../x")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("./a")]
    [InlineData("a/")]
    [InlineData(".")]
    [InlineData("")]
    public void ValidateKey_rejects_keys_mlflow_rejects(string key) => Assert.NotNull(MlflowRules.ValidateKey(key));

    [Fact]
    public void ValidateKey_rejects_251_characters_and_accepts_250()
    {
        Assert.Null(MlflowRules.ValidateKey(new string('k', 250)));
        Assert.NotNull(MlflowRules.ValidateKey(new string('k', 251)));
    }

    [Theory]
    [InlineData("bad*key", "bad_key")]
    [InlineData("../x", "__/x")]
    [InlineData("/a//b/./c/", "a/b/c")]
    [InlineData("", "_")]
    [InlineData("a<b>|c", "a_b__c")]
    public void SanitizeKey_produces_a_valid_key(string key, string expected)
    {
        var sanitized = MlflowRules.SanitizeKey(key);
        Assert.Equal(expected, sanitized);
        Assert.Null(MlflowRules.ValidateKey(sanitized));
    }

    [Fact]
    public void SanitizeKey_returns_a_valid_key_unchanged() =>
        Assert.Same("train/acc", MlflowRules.SanitizeKey("train/acc"));

    [Fact]
    public void SanitizeKey_cuts_long_keys_to_250() =>
        Assert.Equal(250, MlflowRules.SanitizeKey(new string('k', 300)).Length);

    [Fact]
    public void Truncation_follows_mlflow_limits()
    {
        Assert.Equal(6000, MlflowRules.TruncateParamValue(new string('v', 6001)).Length);
        Assert.Equal(8000, MlflowRules.TruncateTagValue(new string('t', 8001)).Length);
        Assert.Equal(5000, MlflowRules.TruncateExperimentTagValue(new string('e', 5001)).Length);
        Assert.Equal(string.Empty, MlflowRules.TruncateParamValue(null));
        Assert.Equal("short", MlflowRules.TruncateTagValue("short"));
    }
}

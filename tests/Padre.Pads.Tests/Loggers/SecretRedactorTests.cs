using Padre.Pads.Loggers.Run;

namespace Padre.Pads.Tests.Loggers;

public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor Plain = new([]);

    [Theory]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("DB_PASSWORD")]
    [InlineData("--db-password")]
    [InlineData("apiKey")]
    [InlineData("MLFLOW_TRACKING_PASSWORD")]
    [InlineData("ConnectionStrings__Default")]
    public void Names_that_say_secret_are_secret(string name) => Assert.True(SecretRedactor.IsSecretName(name));

    [Theory]
    [InlineData("PWD")]
    [InlineData("PATH")]
    [InlineData("HOME")]
    [InlineData("--epochs")]
    [InlineData("tokenizer")]
    [InlineData("XDG_SESSION_CLASS")]
    [InlineData("TOX_TESTENV_PASSENV")]
    public void Ordinary_names_are_not_secret(string name) => Assert.False(SecretRedactor.IsSecretName(name));

    [Fact]
    public void Value_of_a_secret_environment_variable_is_removed_wherever_it_appears()
    {
        var redactor = new SecretRedactor([new("MY_SERVICE_TOKEN", "q9Zx-7781-plain"), new("HOME", "/home/ada")]);
        Assert.Equal("connecting with [REDACTED] from /home/ada", redactor.Redact("connecting with q9Zx-7781-plain from /home/ada"));
    }

    [Theory]
    [InlineData("https://user:t0k3n@example.com/x.git", "https://example.com/x.git")]
    [InlineData("https://t0k3nOnly@example.com/x.git", "https://example.com/x.git")]
    [InlineData("postgres://admin:pw@db:5432/mlflow", "postgres://db:5432/mlflow")]
    [InlineData("git@github.com:org/repo.git", "git@github.com:org/repo.git")]
    [InlineData("https://example.com/a@b", "https://example.com/a@b")]
    public void Url_credentials_are_stripped(string url, string expected) => Assert.Equal(expected, SecretRedactor.StripUrlCredentials(url));

    [Theory]
    [InlineData("password=hunter22", "password=[REDACTED]")]
    [InlineData("export GITHUB_TOKEN=abc123def", "export GITHUB_TOKEN=[REDACTED]")]
    [InlineData("{\"api_key\": \"zz99yy88\"}", "{\"api_key\": \"[REDACTED]\"}")]
    [InlineData("Authorization: Bearer abcdefghijklmnop", "Authorization: Bearer [REDACTED]")]
    [InlineData("key ghp_0123456789abcdefghijABCDEFGHIJ012345 used", "key [REDACTED] used")]
    [InlineData("aws AKIAIOSFODNN7EXAMPLE", "aws [REDACTED]")]
    public void Secrets_in_text_are_redacted(string text, string expected) => Assert.Equal(expected, Plain.Redact(text));

    [Theory]
    [InlineData("var tokenizer = ml.Transforms.Text.TokenizeIntoWords(\"Tokens\", \"Text\");")]
    [InlineData("epochs=10 learning_rate=0.01")]
    [InlineData("loss: 0.25")]
    public void Ordinary_text_is_left_alone(string text) => Assert.Equal(text, Plain.Redact(text));

    [Fact]
    public void Command_line_secrets_are_removed_in_every_form()
    {
        var arguments = Plain.RedactArguments(["train.dll", "--password", "hunter22", "--api-token=abc123456", "--db", "https://u:p4ssw0rd@db.example.com/x", "--epochs", "10"]);
        Assert.Equal(["train.dll", "--password", "[REDACTED]", "--api-token=[REDACTED]", "--db", "https://db.example.com/x", "--epochs", "10"], arguments);
    }

    [Fact]
    public void Private_key_blocks_are_removed_whole()
    {
        var text = "before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY-----\nafter";
        Assert.Equal("before\n[REDACTED]\nafter", Plain.Redact(text));
    }
}

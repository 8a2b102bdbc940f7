using System.Collections;
using Padre.Pads.Configuration;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Configuration;

public sealed class TrackingOptionsTests
{
    private static TrackingOptions Read(params (string Name, string? Value)[] variables)
    {
        var env = new Hashtable();
        foreach (var (name, value) in variables)
        {
            env[name] = value;
        }

        return TrackingOptions.FromEnvironment(env);
    }

    [Fact]
    public void Empty_environment_gives_the_defaults_and_no_problems()
    {
        var options = Read();
        Assert.Equal(TrackingStoreKind.Sqlite, options.TrackingUri.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), options.FlushInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.FlushTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.BackgroundDelay);
        Assert.Equal(65_536, options.QueueCapacity);
        Assert.True(options.Autostart);
        Assert.False(options.Disabled);
        Assert.Equal(7, options.HttpMaxRetries);
        Assert.Empty(options.Problems);
    }

    [Fact]
    public void Mlflow_and_padre_variables_are_read()
    {
        var options = Read(
            ("MLFLOW_TRACKING_URI", "http://127.0.0.1:5141"),
            ("MLFLOW_EXPERIMENT_NAME", "iris"),
            ("MLFLOW_EXPERIMENT_ID", "7"),
            ("MLFLOW_RUN_ID", "0123456789abcdef0123456789abcdef"),
            ("MLFLOW_TRACKING_TOKEN", "tok"),
            ("MLFLOW_TRACKING_USERNAME", "alice"),
            ("MLFLOW_TRACKING_PASSWORD", "pw"),
            ("MLFLOW_TRACKING_INSECURE_TLS", "true"),
            ("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "3"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.5"),
            ("MLFLOW_HTTP_REQUEST_TIMEOUT", "30"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", "0"),
            ("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "2"),
            ("PADRE_DISABLED", "1"),
            ("PADRE_SPOOL_DIR", "/tmp/padre-spool-x"),
            ("PADRE_FLUSH_INTERVAL_MS", "250"),
            ("PADRE_QUEUE_CAPACITY", "1024"),
            ("PADRE_FLUSH_TIMEOUT_MS", "900"),
            ("PADRE_BACKGROUND_DELAY_MS", "0"),
            ("PADRE_AUTOSTART", "false"),
            ("PADRE_LOGGERS_DISABLED", "git, console"));
        Assert.Equal(TrackingStoreKind.Server, options.TrackingUri.Kind);
        Assert.Equal("iris", options.ExperimentName);
        Assert.Equal("7", options.ExperimentId);
        Assert.Equal("0123456789abcdef0123456789abcdef", options.RunId);
        Assert.Equal("tok", options.Token);
        Assert.Equal("alice", options.Username);
        Assert.Equal("pw", options.Password);
        Assert.True(options.InsecureTls);
        Assert.Equal(3, options.HttpMaxRetries);
        Assert.Equal(0.5, options.HttpBackoffFactor);
        Assert.Equal(TimeSpan.FromSeconds(30), options.HttpTimeout);
        Assert.Equal(0, options.HttpBackoffJitter);
        Assert.Equal(TimeSpan.FromSeconds(2), options.SystemMetricsSamplingInterval);
        Assert.True(options.Disabled);
        Assert.Equal("/tmp/padre-spool-x", options.SpoolDirectory);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.FlushInterval);
        Assert.Equal(1024, options.QueueCapacity);
        Assert.Equal(TimeSpan.FromMilliseconds(900), options.FlushTimeout);
        Assert.Equal(TimeSpan.Zero, options.BackgroundDelay);
        Assert.False(options.Autostart);
        Assert.Equal(["console", "git"], options.DisabledLoggers.Order());
        Assert.Empty(options.Problems);
    }

    [Fact]
    public void The_switches_read_before_main_agree_with_the_whole_options_of_the_same_environment()
    {
        var whole = TrackingOptions.FromEnvironment();

        var (disabled, disabledLoggers) = TrackingOptions.SwitchesFromEnvironment();

        Assert.Equal(whole.Disabled, disabled);
        Assert.Equal(whole.DisabledLoggers.Order(), disabledLoggers.Order());
    }

    [Fact]
    public void Unset_switches_leave_tracking_and_every_logger_on()
    {
        var (disabled, disabledLoggers) = TrackingOptions.Switches(null, null);

        Assert.False(disabled);
        Assert.Empty(disabledLoggers);
    }

    [Theory]
    [InlineData("true", "git, Console", true)]
    [InlineData("off", "", false)]
    [InlineData(null, "console", false)]
    [InlineData("maybe", null, false)]
    public void Set_switches_read_as_the_whole_options_read_them(string? disabledValue, string? loggersValue, bool expectedDisabled)
    {
        var (disabled, disabledLoggers) = TrackingOptions.Switches(disabledValue, loggersValue);

        var whole = Read(("PADRE_DISABLED", disabledValue), ("PADRE_LOGGERS_DISABLED", loggersValue));
        Assert.Equal(expectedDisabled, disabled);
        Assert.Equal(whole.Disabled, disabled);
        Assert.Equal(whole.DisabledLoggers.Order(StringComparer.OrdinalIgnoreCase), disabledLoggers.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("PADRE_FLUSH_INTERVAL_MS", "fast", "whole number")]
    [InlineData("PADRE_QUEUE_CAPACITY", "-5", "whole number")]
    [InlineData("PADRE_BACKGROUND_DELAY_MS", "later", "whole number")]
    [InlineData("PADRE_DISABLED", "maybe", "boolean")]
    [InlineData("MLFLOW_HTTP_REQUEST_TIMEOUT", "soon", "number")]
    [InlineData("MLFLOW_TRACKING_URI", "databricks://x", "not supported")]
    public void Bad_value_is_reported_with_variable_value_and_expectation_and_the_default_used(string name, string value, string expected)
    {
        var options = Read((name, value));
        var problem = Assert.Single(options.Problems);
        Assert.Contains(name, problem, StringComparison.Ordinal);
        Assert.Contains(value, problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("default", problem, StringComparison.Ordinal);
        var defaults = Read();
        Assert.Equal(defaults.FlushInterval, options.FlushInterval);
        Assert.Equal(defaults.BackgroundDelay, options.BackgroundDelay);
        Assert.Equal(defaults.QueueCapacity, options.QueueCapacity);
        Assert.Equal(defaults.Disabled, options.Disabled);
        Assert.Equal(defaults.HttpTimeout, options.HttpTimeout);
    }

    [Fact]
    public void Spool_defaults_to_dot_padre_beside_the_sqlite_database()
    {
        var options = Read(("MLFLOW_TRACKING_URI", "sqlite:////tmp/padre-x/mlflow.db"));
        Assert.Equal("/tmp/padre-x/.padre/spool", options.ResolveSpoolDirectory());
    }

    [Theory]
    [InlineData("MLFLOW_TRACKING_TOKEN", "tok-SECRET-4711")]
    [InlineData("MLFLOW_TRACKING_PASSWORD", "pw-SECRET-4712")]
    [InlineData("MLFLOW_TRACKING_URI", "http://bob:pw-SECRET-4713@127.0.0.1:5142")]
    public void A_credential_pasted_into_another_variable_is_not_shown_in_its_problem(string credentialVariable, string credentialValue)
    {
        var secret = credentialValue.Contains('@', StringComparison.Ordinal) ? "pw-SECRET-4713" : credentialValue;
        var options = Read((credentialVariable, credentialValue), ("PADRE_QUEUE_CAPACITY", secret));

        var problem = Assert.Single(options.Problems);
        Assert.StartsWith("PADRE_QUEUE_CAPACITY='***' is not valid", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_that_is_no_credential_is_shown_in_its_problem()
    {
        var options = Read(("MLFLOW_TRACKING_TOKEN", "tok-SECRET-4711"), ("PADRE_QUEUE_CAPACITY", "lots"));

        Assert.StartsWith("PADRE_QUEUE_CAPACITY='lots' is not valid", Assert.Single(options.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_never_appear_in_options_text_problems_reports_or_the_spool()
    {
        const string token = "tok-SECRET-4711";
        const string password = "pw-SECRET-4712";
        var options = Read(
            ("MLFLOW_TRACKING_URI", $"http://bob:{password}@127.0.0.1:5142"),
            ("MLFLOW_TRACKING_TOKEN", token),
            ("MLFLOW_TRACKING_PASSWORD", password),
            ("PADRE_FLUSH_INTERVAL_MS", token));
        Assert.DoesNotContain(token, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(password, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(password, options.TrackingUri.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(password, options.TrackingUri.Location, StringComparison.Ordinal);

        var spool = Directory.CreateTempSubdirectory("padre-secret-").FullName;
        var store = new RecordingStore { Down = true };
        var t = RecordingSession.Start(store, spool, o => options with
        {
            SpoolDirectory = spool,
            StoreFactory = o.StoreFactory,
            FlushInterval = o.FlushInterval,
            FlushTimeout = TimeSpan.FromMilliseconds(200),
            RetryBackoffMin = o.RetryBackoffMin,
        });
        t.Session.StartRun("secret-check", null, null).LogMetric("m", 1);
        await t.DisposeAsync();

        var everything = string.Join("\n", t.Reports.Select(r => r.Template + " " + string.Join(" ", r.Values)))
            + string.Join("\n", Directory.GetFiles(spool, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
        Assert.NotEmpty(t.Reports);
    }
}

using System.Collections;
using Padre.Pads.Configuration;

namespace Padre.Pads.Tests.Configuration;

public sealed class PreparedOptionsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("padre-prepared-");

    public void Dispose() => directory.Delete(recursive: true);

    private static Hashtable Variables(params (string Name, string Value)[] variables)
    {
        var env = new Hashtable { ["PATH"] = "/usr/bin", ["HOME"] = "/home/someone" };
        foreach (var (name, value) in variables)
        {
            env[name] = value;
        }

        return env;
    }

    [Fact]
    public void Options_read_by_the_warm_up_are_the_ones_the_environment_gives()
    {
        var env = Variables(("MLFLOW_EXPERIMENT_NAME", "iris"), ("PADRE_FLUSH_INTERVAL_MS", "250"));

        var prepared = PreparedOptions.Read(env, directory.FullName);

        Assert.NotNull(prepared);
        Assert.Equal("iris", prepared.Options.ExperimentName);
        Assert.Equal(TimeSpan.FromMilliseconds(250), prepared.Options.FlushInterval);
        Assert.Equal(Path.Combine(directory.FullName, "mlflow.db"), prepared.Options.TrackingUri.Location);
    }

    [Fact]
    public void Unchanged_environment_and_directory_reuse_the_prepared_options()
    {
        var prepared = PreparedOptions.Read(Variables(("MLFLOW_EXPERIMENT_NAME", "iris")), directory.FullName)!;

        // Another table with the same variables, as Environment.GetEnvironmentVariables() gives one per call.
        var reused = prepared.IfCurrent(Variables(("MLFLOW_EXPERIMENT_NAME", "iris")), directory.FullName);

        Assert.Same(prepared.Options, reused);
    }

    [Fact]
    public void A_tracking_variable_set_after_the_warm_up_makes_the_options_read_afresh()
    {
        var prepared = PreparedOptions.Read(Variables(), directory.FullName)!;

        Assert.Null(prepared.IfCurrent(Variables(("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000")), directory.FullName));
        Assert.Null(prepared.IfCurrent(Variables(("PADRE_DISABLED", "true")), directory.FullName));
    }

    [Fact]
    public void A_changed_tracking_variable_value_makes_the_options_read_afresh()
    {
        var prepared = PreparedOptions.Read(Variables(("MLFLOW_EXPERIMENT_NAME", "iris")), directory.FullName)!;

        Assert.Null(prepared.IfCurrent(Variables(("MLFLOW_EXPERIMENT_NAME", "taxi")), directory.FullName));
    }

    [Fact]
    public void A_changed_working_directory_makes_the_options_read_afresh()
    {
        var prepared = PreparedOptions.Read(Variables(), directory.FullName)!;
        var elsewhere = directory.CreateSubdirectory("elsewhere").FullName;

        Assert.Null(prepared.IfCurrent(Variables(), elsewhere));
    }

    [Fact]
    public void Variables_unrelated_to_tracking_do_not_discard_the_prepared_options()
    {
        var prepared = PreparedOptions.Read(Variables(), directory.FullName)!;
        var env = Variables(("DOTNET_gcServer", "1"));
        env["PATH"] = "/opt/bin:/usr/bin";

        Assert.Same(prepared.Options, prepared.IfCurrent(env, directory.FullName));
    }

    [Fact]
    public void An_mlruns_folder_keeps_nothing_prepared_because_its_contents_choose_the_default_store()
    {
        var before = PreparedOptions.Read(Variables(), directory.FullName)!;
        directory.CreateSubdirectory("mlruns");

        Assert.Null(PreparedOptions.Read(Variables(), directory.FullName));
        Assert.Null(before.IfCurrent(Variables(), directory.FullName));
    }

    [Fact]
    public void A_relative_spool_directory_is_resolved_against_the_given_working_directory()
    {
        var options = TrackingOptions.FromEnvironment(Variables(("PADRE_SPOOL_DIR", "spool")), directory.FullName);

        Assert.Equal(Path.Combine(directory.FullName, "spool"), options.SpoolDirectory);
    }
}

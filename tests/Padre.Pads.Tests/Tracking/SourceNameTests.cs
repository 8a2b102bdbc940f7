using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary><c>mlflow.source.name</c>: the entry dll under the JIT, the executable when there is no dll (NativeAOT, single file).</summary>
public sealed class SourceNameTests
{
    [Fact]
    public void Jit_program_is_named_by_its_entry_dll()
    {
        var directory = Directory.CreateTempSubdirectory("padre-source-").FullName;
        File.WriteAllBytes(Path.Combine(directory, "Trainer.dll"), []);

        Assert.Equal(Path.Combine(directory, "Trainer.dll"), TrackingSession.SourceName("Trainer", directory, "/usr/bin/dotnet"));
    }

    [Fact]
    public void Program_without_a_dll_is_named_by_its_executable()
    {
        var directory = Directory.CreateTempSubdirectory("padre-source-").FullName;
        var executable = Path.Combine(directory, "Trainer");

        Assert.Equal(executable, TrackingSession.SourceName("Trainer", directory, executable));
    }

    [Fact]
    public void Hosted_program_is_named_by_the_dll_the_host_passes_first()
    {
        Assert.Equal("/srv/train/Trainer.dll", TrackingSession.HostedAssembly(["/srv/train/Trainer.dll", "--epochs", "3"]));
    }

    [Theory]
    [InlineData("/srv/train/Trainer")]
    [InlineData("Trainer.dll")]
    [InlineData("")]
    public void First_argument_that_is_not_a_rooted_dll_names_no_hosted_assembly(string first)
    {
        Assert.Null(TrackingSession.HostedAssembly([first]));
    }

    [Fact]
    public void Empty_command_line_names_no_hosted_assembly()
    {
        Assert.Null(TrackingSession.HostedAssembly([]));
    }

    [Fact]
    public void This_test_process_is_named_by_its_entry_dll_as_before()
    {
        var entry = System.Reflection.Assembly.GetEntryAssembly()!.GetName().Name;

        Assert.Equal(TrackingSession.SourceName(entry, AppContext.BaseDirectory, Environment.ProcessPath), TrackingSession.SourceName());
    }
}

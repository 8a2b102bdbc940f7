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
}

using Padre.Pads.Generators;
using Padre.Pads.Testing;

namespace Padre.Pads.Generators.Tests;

/// <summary>The generator assembly compilers load is ReadyToRun-compiled whenever the build had crossgen2 (build/ReadyToRun.targets).</summary>
public sealed class ReadyToRunTests
{
    [Fact]
    public void Built_generator_is_ReadyToRun_exactly_when_crossgen2_was_available()
    {
        using var assembly = File.OpenRead(typeof(PadreGenerator).Assembly.Location);

        Assert.Equal(ReadyToRunImage.ExpectedFor(typeof(ReadyToRunTests).Assembly), ReadyToRunImage.Is(assembly));
    }
}

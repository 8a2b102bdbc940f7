namespace Padre.Pads.Package.Tests.Support;

/// <summary>NativeAOT publishes take minutes of both cores each: they run one after the other, never side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeAotPublishes
{
    public const string Name = "NativeAOT publishes";
}

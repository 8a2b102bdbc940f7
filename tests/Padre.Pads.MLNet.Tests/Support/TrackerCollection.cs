namespace Padre.Pads.MLNet.Tests.Support;

/// <summary>Tests that configure the process-wide <see cref="Tracker"/> run one at a time: it is one static root.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrackerCollection
{
    public const string Name = "Tracker";
}

using Padre.Pads.Generators.Discovery;
using Padre.Pads.Generators.Mapping;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Emission;

/// <summary>A call that is tracked: the call, the hooks that apply and how each argument is treated.</summary>
internal sealed record TrackedSite(CallSite Call, HookSet Hooks, string Step, EquatableArray<DataRole> Data);

/// <summary>Everything one generated file is made of: its sites and the name of the tracking body each forwards to.</summary>
internal sealed record FileInterceptors(string HintName, string FilePath, EquatableArray<TrackedSite> Sites, EquatableArray<string> Bodies);

/// <summary>A tracking body (<see cref="TrackingBody"/>): its name and the location-free site it is written from.</summary>
internal sealed record NamedBody(string Name, TrackedSite Key);

/// <summary>
/// Tracking bodies, of one file or of the compilation. A class, not the bare <see cref="EquatableArray{T}"/>: the
/// compiler's pipeline code instantiated over a struct is JIT-compiled in every cold compiler process.
/// </summary>
internal sealed record TrackingBodies(EquatableArray<NamedBody> Bodies)
{
    public static readonly TrackingBodies None = new(EquatableArray<NamedBody>.Empty);

    /// <summary>Names that two different bodies hash to (never seen; the build would call the wrong one): reported, not written.</summary>
    public EquatableArray<string> Collisions { get; init; } = EquatableArray<string>.Empty;
}

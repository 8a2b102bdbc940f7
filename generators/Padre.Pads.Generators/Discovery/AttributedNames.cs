using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// The names of the project's methods that carry Padre attributes (their calls are candidates), sorted. A class around
/// the array, not the array itself: Roslyn's pipeline code over a reference type is the shared code of its own
/// ReadyToRun image, while over a struct every cold compiler process JIT-compiles it (about 290 methods).
/// </summary>
internal sealed record AttributedNames(EquatableArray<string> Names);

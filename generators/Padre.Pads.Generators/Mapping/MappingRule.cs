using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Mapping;

/// <summary>
/// One resolved mapping entry: calls to a method of <see cref="TypeName"/> (or of a type deriving from or
/// implementing it, or an extension method extending it) whose name matches one of <see cref="Methods"/>.
/// Fragments are already folded in.
/// </summary>
internal sealed record MappingRule(
    string TypeName,
    EquatableArray<MethodPattern> Methods,
    HookSet Hooks,
    EquatableArray<DataRole> Data,
    string? Step,
    EquatableArray<MetricGuard> MetricGuards,
    string Origin,
    SourceSpan? Location);

/// <summary>
/// A metric of the call's result that is meaningful only when another member of the same object is not zero, e.g.
/// ML.NET's <c>TopKAccuracy</c>, which is 0 (not an accuracy) when no top-K count was asked for.
/// </summary>
internal sealed record MetricGuard(string Member, string Guard);

/// <summary>What an argument is to tracking: <c>input</c>, <c>target</c>, <c>model</c>, <c>options</c> or <c>ignore</c>.</summary>
internal sealed record DataRole(string Parameter, string Role);

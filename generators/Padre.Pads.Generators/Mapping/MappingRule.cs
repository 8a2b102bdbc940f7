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
    string Origin,
    SourceSpan? Location);

/// <summary>What an argument is to tracking: <c>input</c>, <c>target</c>, <c>model</c>, <c>options</c> or <c>ignore</c>.</summary>
internal sealed record DataRole(string Parameter, string Role);

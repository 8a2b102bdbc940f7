using System.Linq;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>How the interceptor reaches the target.</summary>
internal enum CallShape
{
    /// <summary><c>Type.Method(args)</c>.</summary>
    Static,

    /// <summary><c>receiver.Method(args)</c>; the interceptor takes the receiver as <c>this</c> (<c>ref this</c> for a struct).</summary>
    Instance,

    /// <summary>An extension method, written either as <c>x.Method()</c> or <c>Ext.Method(x)</c>.</summary>
    Extension,
}

/// <summary>
/// One invocation in a source file, described with plain values only (no symbols, no syntax):
/// everything needed to decide whether it is tracked and to write its interceptor.
/// </summary>
internal sealed record CallSite(
    int LocationVersion,
    string LocationData,
    string FilePath,
    int Line,
    int Column,
    string MethodName,
    EquatableArray<string> TypeNames,
    CallShape Shape,
    string ContainingType,
    string TargetDisplay,
    string ReturnType,
    bool ReturnsVoid,
    EquatableArray<string> TypeParameters,
    EquatableArray<string> MethodTypeParameters,
    EquatableArray<string> Constraints,
    EquatableArray<ParameterModel> Parameters,
    ResultMetrics? Metrics,
    AttributeHooks? Attributes,
    Reach Reach,
    string? AccessorTypeName,
    bool DeclaredInStruct,
    string ReceiverRefKind,
    RefLike RefLike,
    string? NotInterceptableReason,
    SourceSpan? Location);

/// <summary>A parameter of the target, with what the call wrote and what tracking reads from it.</summary>
internal sealed record ParameterModel(
    string Name,
    string Type,
    string RefKind,
    bool Written,
    bool IsThis,
    EquatableArray<string> OptionMembers,
    bool IsRefLike = false);

/// <summary>Which of the receiver and the result are ref structs (spans): they cannot be boxed for the hooks.</summary>
[System.Flags]
internal enum RefLike
{
    None = 0,
    Receiver = 1,
    Result = 2,
}

/// <summary>
/// The numeric members read from a call's result (metrics), possibly once per fold. <paramref name="IsValue"/>: the
/// result is itself a number, logged under the step's name. <paramref name="IsValueType"/>: no null check.
/// <see cref="Awaited"/>: the result is a <c>Task</c> of the metrics type.
/// </summary>
internal sealed record ResultMetrics(string MetricsType, string? FoldProperty, EquatableArray<MetricMember> Members, bool IsValue = false, bool IsValueType = false)
{
    /// <summary>The result is a <c>Task</c> of <see cref="MetricsType"/>, read when it completes.</summary>
    public bool Awaited { get; init; }

    /// <summary>
    /// The members named by <paramref name="guards"/> marked with their guard, where the guard is a scalar member of the
    /// same object; a guard this result type does not have leaves its members as they are.
    /// </summary>
    public ResultMetrics WithGuards(EquatableArray<Mapping.MetricGuard> guards)
    {
        if (guards.Count == 0)
        {
            return this;
        }

        var members = Members.Select(m =>
            guards.FirstOrDefault(g => g.Member == m.Name) is { } guard
            && Members.Any(s => s.Owner == m.Owner && s.Name == guard.Guard && s.Kind == MetricKind.Scalar)
                ? m with { Guard = guard.Guard }
                : m);
        return this with { Members = members.ToEquatableArray() };
    }
}

/// <summary>Kinds of readable metric members.</summary>
internal enum MetricKind
{
    Scalar,
    Series,
    FloatSeries,
    Matrix,
}

/// <summary>One metric member: <c>MacroAccuracy</c>, or nested <c>ConfusionMatrix.Counts</c>.</summary>
internal sealed record MetricMember(string Owner, string Name, MetricKind Kind)
{
    /// <summary>A scalar member of the same object that must not be zero for this one to be logged (mapping files' <c>only-when-nonzero</c>).</summary>
    public string? Guard { get; init; }
}

/// <summary>What the target's own Padre attributes ask for.</summary>
internal sealed record AttributeHooks(int Hooks, string? ExperimentName, string? Project, string? DatasetName, string? DatasetTarget);

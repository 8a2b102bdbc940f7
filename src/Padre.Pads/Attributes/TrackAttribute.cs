using Padre.Pads.Hooks;

namespace Padre.Pads;

/// <summary>
/// Hooks calls of the user's own method, like PyPads' decorator: <c>[Track(Hook.Fit)]</c> records its
/// arguments, input data, output and timing as a fit would be.
/// </summary>
/// <example><code>[Track(Hook.Fit)] static Model FitMyModel(IDataView data, int epochs) { ... }</code></example>
/// <param name="hooks">The hooks that apply (at least one).</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TrackAttribute(params Hook[] hooks) : Attribute
{
    /// <summary>The hooks that apply.</summary>
    public IReadOnlyList<Hook> Hooks { get; } = hooks;
}

using System.Runtime.CompilerServices;
using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Follows how a pipeline is built: every created step (trainer, transform) is remembered with its name;
/// <c>Append</c> links steps into chains. When a chain is fitted, its structure is logged as the parameter
/// <c>pipeline</c> (<c>Concatenate -&gt; MapValueToKey -&gt; SdcaMaximumEntropy</c>) and as
/// <c>pipeline/structure.txt</c>. Weak keys: estimators are never kept alive.
/// </summary>
internal sealed class PipelineLogger : IEventLogger
{
    private readonly ConditionalWeakTable<object, PipelineNode> _nodes = new();

    public string Name => "pipeline";

    public HookEvents Events => HookEvents.Pipeline;

    public void OnCall(HookCall call, IRunWriter run)
    {
        var site = call.Site;
        if ((site.Hooks & Hook.Fit) != 0)
        {
            var chain = Find(call.Receiver) ?? call.Arguments.Select(Find).FirstOrDefault(n => n is not null);
            if (chain is not null)
            {
                run.LogParam("pipeline", string.Join(" -> ", chain.Steps));
                run.LogText(string.Join("\n", chain.Steps.Select((s, i) => (i + 1) + ". " + s)) + "\n", "pipeline/structure.txt");
            }

            return;
        }

        if (call.Result is null || call.Result is string || call.Result.GetType().IsValueType)
        {
            return;
        }

        // Append (and similar) combine the receiver's chain with the appended step's; a factory starts a chain.
        var parts = new List<string>();
        if (Find(call.Receiver) is { } head)
        {
            parts.AddRange(head.Steps);
        }

        foreach (var argument in call.Arguments)
        {
            if (Find(argument) is { } appended)
            {
                parts.AddRange(appended.Steps);
            }
        }

        if (parts.Count == 0)
        {
            parts.Add(site.Step);
        }

        _nodes.AddOrUpdate(call.Result, new PipelineNode(parts));
    }

    private PipelineNode? Find(object? value) =>
        value is not null && !value.GetType().IsValueType && _nodes.TryGetValue(value, out var node) ? node : null;

    private sealed record PipelineNode(IReadOnlyList<string> Steps);
}

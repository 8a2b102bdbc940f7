using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Data;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Hooks;

/// <summary>
/// Replaces the default <c>input</c> logger: each data view a call reads becomes an MLflow dataset input with its
/// content digest, schema, profile and source. A view is described once (cached weakly), however often it is read.
/// </summary>
/// <remarks>
/// Describing scans the whole view. For a view read from a file (or a split side or transform of one) the scan runs on
/// the run's background worker (<see cref="HookCall.InBackground"/>): its cursors are independent of the user's, and
/// its rows are the file's. A view over data built in memory is described now, on the caller's thread, as before:
/// <c>LoadFromEnumerable</c> streams the program's own collection, which the program may change once the call returned,
/// and the record must hold the data the call read. The name and source are taken now in both cases.
/// </remarks>
internal sealed class DataViewInputLogger(DataViewOrigins origins) : IEventLogger
{
    private readonly ConditionalWeakTable<IDataView, Lazy<Dataset>> _described = new();

    public string Name => "input";

    public HookEvents Events => HookEvents.Input;

    public void OnCall(HookCall call, IRunWriter run)
    {
        var site = call.Site;
        for (var i = 0; i < site.Parameters.Count && i < call.Arguments.Count; i++)
        {
            if (site.Parameters[i].Role != ArgumentRole.Input || call.Arguments[i] is not IDataView view) continue;
            if (!_described.TryGetValue(view, out var dataset))
            {
                var origin = origins.Find(view);
                var name = DatasetIdentity.Of(view)?.Name ?? origin?.Name ?? site.Parameters[i].Name;
                var source = origin?.Source ?? DatasetSource.Code(site.File + ":" + site.Line.ToString(CultureInfo.InvariantCulture));
                // PublicationOnly: a failed scan is not cached (the next read tries again), as before.
                dataset = new Lazy<Dataset>(() => DataViewDatasets.Describe(view, name, source), LazyThreadSafetyMode.PublicationOnly);
                _described.AddOrUpdate(view, dataset);
            }
            var context = Context(site.Hooks);
            if (origins.IsFromFile(view)) call.InBackground(this, () => run.LogInput(DatasetInput.WithContext(dataset.Value, context)));
            else run.LogInput(DatasetInput.WithContext(dataset.Value, context));
            RememberTransformed(call, view);
        }
    }

    // Evaluate(model.Transform(test)) reads a view nobody loaded: without its lineage the evaluation input would be
    // named after the parameter ("data"), with no source. The output of a transform of a known view is that view,
    // transformed (its digest and schema are its own: the scored columns are part of what was evaluated).
    private void RememberTransformed(HookCall call, IDataView input)
    {
        if ((call.Site.Hooks & Hook.Transform) == 0 || call.Result is not IDataView output || ReferenceEquals(output, input) || origins.Find(output) is not null)
        {
            return;
        }

        var origin = origins.Find(input);
        var name = DatasetIdentity.Of(input)?.Name ?? origin?.Name;
        if (name is not null)
        {
            origins.Remember(output, name + "-transformed", origin?.Source ?? DatasetSource.Code(call.Site.File));
        }
    }

    internal static string Context(Hook hooks) =>
        (hooks & Hook.Fit) != 0 ? DatasetContexts.Training
        : (hooks & Hook.Metric) != 0 ? DatasetContexts.Evaluation
        : (hooks & Hook.Split) != 0 ? "split"
        : "transform";
}

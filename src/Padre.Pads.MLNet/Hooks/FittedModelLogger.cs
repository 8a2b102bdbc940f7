using Microsoft.ML;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Models;
using Padre.Pads.MLNet.Pipelines;

namespace Padre.Pads.MLNet.Hooks;

/// <summary>
/// After a <c>Fit</c>: the fitted model as <c>model/model.zip</c> + <c>model/MLmodel</c> and its pipeline structure.
/// A run fitting several models keeps the first under <c>model/</c> and the next under <c>model-2/</c>, ...
/// The structure goes to <c>pipeline/fitted.txt|.json</c>: the runtime's own pipeline logger writes the estimator
/// chain (with the arguments the interceptors saw) to <c>pipeline/structure.txt</c>.
/// The save runs on the run's background worker (<see cref="HookCall.InBackground"/>): a fitted transformer does not
/// change, and saving it only reads it, so the user may go on using the model meanwhile. Which fit of the run this is
/// is counted on the caller's thread, so <c>model-2/</c> names the second fit however late the saves run.
/// </summary>
internal sealed class FittedModelLogger : IEventLogger
{
    private readonly Dictionary<string, int> _fitsPerRun = new(StringComparer.Ordinal);

    public string Name => "mlnet.model";

    public HookEvents Events => HookEvents.Output;

    public void OnCall(HookCall call, IRunWriter run)
    {
        if ((call.Site.Hooks & Hook.Fit) == 0 || call.Result is not ITransformer model) return;
        IDataView? input = null;
        for (var i = 0; i < call.Site.Parameters.Count && i < call.Arguments.Count && input is null; i++)
        {
            if (call.Site.Parameters[i].Role == ArgumentRole.Input) input = call.Arguments[i] as IDataView;
        }
        if (input is null) return;

        int fit;
        lock (_fitsPerRun)
        {
            // TryGetValue, not GetValueOrDefault: the extension is JIT-compiled for these types on the program's thread.
            fit = _fitsPerRun[run.RunId] = (_fitsPerRun.TryGetValue(run.RunId, out var before) ? before : 0) + 1;
        }
        var suffix = fit == 1 ? "" : "-" + fit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var schema = input.Schema;
        call.InBackground(this, () =>
        {
            ModelArtifacts.Log(run, new MLContext(), model, schema, "model" + suffix);
            var structure = PipelineStructure.Of(model, schema);
            if (fit == 1) structure.Log(run, "fitted");
            else run.LogText(structure.ToText(), $"pipeline/fitted{suffix}.txt");
        });
    }
}

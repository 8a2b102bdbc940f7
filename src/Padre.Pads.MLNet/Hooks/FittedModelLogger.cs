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
            fit = _fitsPerRun[run.RunId] = _fitsPerRun.GetValueOrDefault(run.RunId) + 1;
        }
        var suffix = fit == 1 ? "" : "-" + fit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ModelArtifacts.Log(run, new MLContext(), model, input.Schema, "model" + suffix);
        var structure = PipelineStructure.Of(model, input.Schema);
        if (fit == 1) structure.Log(run, "fitted");
        else run.LogText(structure.ToText(), $"pipeline/fitted{suffix}.txt");
    }
}

using Microsoft.ML;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Data;

namespace Padre.Pads.MLNet.Hooks;

/// <summary>
/// Remembers where data views come from: the file a load call read (its <c>path</c> argument), and the two sides
/// of a <c>TrainTestSplit</c> of a known view (whose settings it also records).
/// </summary>
internal sealed class DataViewOriginLogger(DataViewOrigins origins) : IEventLogger
{
    public string Name => "mlnet.origins";

    public HookEvents Events => HookEvents.Output;

    public void OnCall(HookCall call, IRunWriter run)
    {
        if (call.Result is IDataView view && call.Argument("path") is string path && path.Length > 0)
        {
            var name = DatasetIdentity.Of(view)?.Name ?? Path.GetFileNameWithoutExtension(path);
            origins.Remember(view, name, DatasetSource.File(path));
        }
        else if (call.Result is DataOperationsCatalog.TrainTestData && call.Argument("data") is IDataView data)
        {
            OnSplit(call, run, data);
        }
    }

    // Apart from OnCall: code that reads ML.NET's TrainTestData struct cannot be precompiled into Padre.Pads.MLNet's
    // ReadyToRun image (its layout belongs to ML.NET), so it is JIT-compiled on the program's thread; OnCall runs for
    // every hooked call's output, this only for splits.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void OnSplit(HookCall call, IRunWriter run, IDataView data)
    {
        var split = (DataOperationsCatalog.TrainTestData)call.Result!;
        if (DatasetIdentity.Of(data) is { } declared && origins.Find(data) is null)
        {
            origins.Remember(data, declared.Name, DatasetSource.Code(call.Site.File));
        }
        origins.RememberSplit(data, split);
        var testFraction = call.Argument("testFraction") is double fraction ? fraction : 0.1;
        Splits.SplitSettings.LogTrainTestSplit(run, testFraction, call.Argument("seed") as int?, call.Argument("samplingKeyColumnName") as string);
    }
}

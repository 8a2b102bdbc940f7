using Padre.Pads.Hooks;
using Padre.Pads.MLNet.Data;

[assembly: PadreRegistration(typeof(Padre.Pads.MLNet.Hooks.MLNetRegistration))]

namespace Padre.Pads.MLNet.Hooks;

/// <summary>Plugs ML.NET knowledge into the hook pipeline; the generator calls <see cref="Register"/> at start-up.</summary>
public static class MLNetRegistration
{
    /// <summary>
    /// Replaces the default <c>input</c> logger with one that describes data views (digest, schema, profile, source)
    /// and adds <c>mlnet.origins</c> (remembers loaded files and split sides) and <c>mlnet.model</c> (the fitted
    /// model and its pipeline structure) and <c>mlnet.evaluation</c> (confusion matrix and predictions tables;
    /// <c>PADRE_PREDICTION_ROWS</c> bounds the predictions table, default 1000, 0 switches it off).
    /// </summary>
    public static void Register()
    {
        var origins = new DataViewOrigins();
        EventLoggers.Register(new DataViewOriginLogger(origins));
        EventLoggers.Register(new DataViewInputLogger(origins));
        EventLoggers.Register(new FittedModelLogger());
        EventLoggers.Register(new EvaluationTablesLogger(origins, MaxPredictionRows()));
    }

    private static int MaxPredictionRows() =>
        int.TryParse(Environment.GetEnvironmentVariable("PADRE_PREDICTION_ROWS"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var rows) && rows >= 0
            ? rows
            : Metrics.Evaluations.DefaultMaxPredictionRows;
}

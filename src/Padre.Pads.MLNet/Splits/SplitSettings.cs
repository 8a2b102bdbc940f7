using System.Globalization;
using Padre.Pads.Loggers;

namespace Padre.Pads.MLNet.Splits;

/// <summary>Records how data was split, as run parameters.</summary>
public static class SplitSettings
{
    /// <summary>
    /// <c>TrainTestSplit</c>'s settings: <c>split.method = train_test_split</c>, <c>split.test_fraction</c>,
    /// <c>split.seed</c> (<c>context</c> when null: the MLContext's own seed decides), <c>split.sampling_key_column</c>.
    /// </summary>
    public static void LogTrainTestSplit(IRunWriter run, double testFraction, int? seed, string? samplingKeyColumnName)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.LogParam("split.method", "train_test_split");
        run.LogParam("split.test_fraction", testFraction.ToString("R", CultureInfo.InvariantCulture));
        run.LogParam("split.seed", Seed(seed));
        run.LogParam("split.sampling_key_column", samplingKeyColumnName ?? "none");
    }

    /// <summary>
    /// <c>CrossValidate</c>'s settings: <c>split.method = cross_validation</c>, <c>split.folds</c>, <c>split.seed</c>,
    /// <c>split.stratification_column</c>.
    /// </summary>
    public static void LogCrossValidation(IRunWriter run, int numberOfFolds, int? seed, string? stratificationColumnName)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.LogParam("split.method", "cross_validation");
        run.LogParam("split.folds", numberOfFolds.ToString(CultureInfo.InvariantCulture));
        run.LogParam("split.seed", Seed(seed));
        run.LogParam("split.stratification_column", stratificationColumnName ?? "none");
    }

    private static string Seed(int? seed) => seed?.ToString(CultureInfo.InvariantCulture) ?? "context";
}

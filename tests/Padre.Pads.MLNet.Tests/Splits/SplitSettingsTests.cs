using Padre.Pads.MLNet.Splits;
using Padre.Pads.MLNet.Tests.Support;

namespace Padre.Pads.MLNet.Tests.Splits;

public sealed class SplitSettingsTests
{
    [Fact]
    public void Train_test_split_settings_become_params()
    {
        var run = new RecordingRunWriter();

        SplitSettings.LogTrainTestSplit(run, testFraction: 0.2, seed: 7, samplingKeyColumnName: null);

        Assert.Equal("train_test_split", run.Params["split.method"]);
        Assert.Equal("0.2", run.Params["split.test_fraction"]);
        Assert.Equal("7", run.Params["split.seed"]);
        Assert.Equal("none", run.Params["split.sampling_key_column"]);
    }

    [Fact]
    public void Cross_validation_settings_become_params_and_an_unset_seed_says_context()
    {
        var run = new RecordingRunWriter();

        SplitSettings.LogCrossValidation(run, numberOfFolds: 5, seed: null, stratificationColumnName: "Group");

        Assert.Equal("cross_validation", run.Params["split.method"]);
        Assert.Equal("5", run.Params["split.folds"]);
        Assert.Equal("context", run.Params["split.seed"]);
        Assert.Equal("Group", run.Params["split.stratification_column"]);
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Tests.Support;

/// <summary>Tiny real trainings on the built-in Iris data, shared by the tests of one class (trained once).</summary>
public sealed class IrisModels
{
    public IrisModels()
    {
        Ml = new MLContext(seed: 1);
        Data = Datasets.Iris(Ml);
        Split = Ml.Data.TrainTestSplit(Data, testFraction: 0.3, seed: 1);
        MulticlassPipeline = Ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
            .Append(Ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(Ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 10));
        Multiclass = MulticlassPipeline.Fit(Split.TrainSet);
        MulticlassScored = Multiclass.Transform(Split.TestSet);
        MulticlassMetrics = Ml.MulticlassClassification.Evaluate(MulticlassScored, topKPredictionCount: 2);
    }

    public MLContext Ml { get; }
    public IDataView Data { get; }
    public DataOperationsCatalog.TrainTestData Split { get; }
    public EstimatorChain<MulticlassPredictionTransformer<Microsoft.ML.Trainers.MaximumEntropyModelParameters>> MulticlassPipeline { get; }
    public TransformerChain<MulticlassPredictionTransformer<Microsoft.ML.Trainers.MaximumEntropyModelParameters>> Multiclass { get; }
    public IDataView MulticlassScored { get; }
    public MulticlassClassificationMetrics MulticlassMetrics { get; }

    /// <summary>Iris with a boolean label: is the flower a setosa?</summary>
    public IDataView SetosaOrNot() =>
        Ml.Data.LoadFromEnumerable(Datasets.IrisRows().Select(r => new BinaryIris
        {
            Features = [r.SepalLength, r.SepalWidth, r.PetalLength, r.PetalWidth],
            Label = r.Label == "Iris-versicolor",
        }));

    public sealed class BinaryIris
    {
        [VectorType(4)] public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }
}

using Microsoft.ML;
using Padre.Pads.MLNet.Data;

namespace Padre.Pads.MLNet.Tests.Data;

public sealed class DataViewOriginsTests
{
    [Fact]
    public void A_remembered_view_is_found_with_its_name_and_source()
    {
        var ml = new MLContext(1);
        var view = Datasets.Iris(ml);
        var origins = new DataViewOrigins();

        origins.Remember(view, "iris", DatasetSource.File("/data/iris.csv"));

        Assert.Equal(new DataViewOrigin("iris", DatasetSource.File("/data/iris.csv")), origins.Find(view));
        Assert.Null(origins.Find(Datasets.Iris(ml)));
    }

    [Fact]
    public void Split_sides_inherit_the_parents_source_with_suffixed_names()
    {
        var ml = new MLContext(1);
        var view = Datasets.Iris(ml);
        var origins = new DataViewOrigins();
        origins.Remember(view, "iris", Datasets.IrisSource);
        var split = ml.Data.TrainTestSplit(view, testFraction: 0.2, seed: 1);

        origins.RememberSplit(view, split);

        Assert.Equal(new DataViewOrigin("iris-train", Datasets.IrisSource), origins.Find(split.TrainSet));
        Assert.Equal(new DataViewOrigin("iris-test", Datasets.IrisSource), origins.Find(split.TestSet));
    }

    [Fact]
    public void An_unknown_view_gets_a_code_source_under_the_fallback_name()
    {
        var origin = new DataViewOrigins().FindOrDefault(Datasets.Iris(new MLContext(1)), "train");

        Assert.Equal("train", origin.Name);
        Assert.Equal("code", origin.Source.SourceType);
    }
}

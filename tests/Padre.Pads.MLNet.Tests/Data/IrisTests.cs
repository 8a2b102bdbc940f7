using Microsoft.ML;
using Padre.Pads.MLNet.Data;

namespace Padre.Pads.MLNet.Tests.Data;

public sealed class IrisTests
{
    [Fact]
    public void Iris_has_150_rows_50_per_species()
    {
        var rows = Datasets.IrisRows();

        Assert.Equal(150, rows.Count);
        Assert.All(rows.GroupBy(r => r.Label), g => Assert.Equal(50, g.Count()));
        Assert.Equal(["Iris-setosa", "Iris-versicolor", "Iris-virginica"], rows.Select(r => r.Label).Distinct());
    }

    [Fact]
    public void Iris_first_row_is_Fishers_first_flower()
    {
        var first = Datasets.IrisRows()[0];

        Assert.Equal((5.1f, 3.5f, 1.4f, 0.2f, "Iris-setosa"), (first.SepalLength, first.SepalWidth, first.PetalLength, first.PetalWidth, first.Label));
    }

    [Fact]
    public void Iris_digest_is_the_same_in_two_contexts()
    {
        var a = DataViewDatasets.Describe(Datasets.Iris(new MLContext(1)), "iris", Datasets.IrisSource);
        var b = DataViewDatasets.Describe(Datasets.Iris(new MLContext(2)), "iris", Datasets.IrisSource);

        Assert.Equal(a.Digest, b.Digest);
        Assert.Equal("code", a.SourceType);
    }
}

using Padre.Pads.MLNet.Data;

namespace Padre.Pads.MLNet.Tests.Data;

/// <summary>A file source writes its JSON when first read; it stays the value MLflow reads and compares by value.</summary>
public sealed class DatasetSourceTests
{
    [Fact]
    public void A_file_source_is_a_local_file_uri_in_mlflow_json()
    {
        var path = Path.Combine(Path.GetTempPath(), "padre data", "iris.csv");

        var source = DatasetSource.File(path);

        Assert.Equal("local", source.SourceType);
        Assert.Equal("{\"uri\":\"" + new Uri(path).AbsoluteUri + "\"}", source.Source);
    }

    [Fact]
    public void A_file_source_equals_one_made_from_its_json_and_differs_from_another_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "iris.csv");
        var file = DatasetSource.File(path);

        var fromJson = new DatasetSource("local", DatasetSource.File(path).Source);

        Assert.Equal(fromJson, file);
        Assert.Equal(fromJson.GetHashCode(), file.GetHashCode());
        Assert.NotEqual(DatasetSource.File(Path.Combine(Path.GetTempPath(), "other.csv")), file);
    }

    [Fact]
    public void A_source_changed_with_with_keeps_its_type_and_takes_the_new_json()
    {
        var changed = DatasetSource.File(Path.Combine(Path.GetTempPath(), "iris.csv")) with { Source = "{\"uri\":\"file:///elsewhere.csv\"}" };

        Assert.Equal("local", changed.SourceType);
        Assert.Equal("{\"uri\":\"file:///elsewhere.csv\"}", changed.Source);
        var (type, json) = changed;
        Assert.Equal(("local", "{\"uri\":\"file:///elsewhere.csv\"}"), (type, json));
    }
}

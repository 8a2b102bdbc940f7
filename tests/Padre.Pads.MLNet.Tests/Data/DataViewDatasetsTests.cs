using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Padre.Pads.MLNet.Data;
using Padre.Pads.MLNet.Tests.Support;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Tests.Data;

public sealed class DataViewDatasetsTests : IDisposable
{
    private const string Csv = """
        Size,Weight,Color,Label
        1.5,10.25,red,true
        2.5,,blue,false
        3.25,30.5,red,true
        -4,40,,false
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class Row
    {
        [LoadColumn(0)] public float Size { get; set; }
        [LoadColumn(1)] public float Weight { get; set; }
        [LoadColumn(2)] public string Color { get; set; } = "";
        [LoadColumn(3)] public bool Label { get; set; }
    }

    private string WriteCsv(string name, string text)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private static IDataView Load(string path, int seed = 1) =>
        new MLContext(seed).Data.LoadFromTextFile<Row>(path, new TextLoader.Options
        {
            Separators = [','],
            HasHeader = true,
            MissingRealsAsNaNs = true, // an empty number is missing (NaN), not 0
        });

    [Fact]
    public void Digest_is_the_same_for_two_loads_of_the_same_file()
    {
        var a = WriteCsv("a.csv", Csv);
        var b = WriteCsv("b.csv", Csv);

        var first = DataViewDatasets.Describe(Load(a, seed: 1), "d", DatasetSource.File(a));
        var second = DataViewDatasets.Describe(Load(b, seed: 7), "d", DatasetSource.File(b));

        Assert.Equal(first.Digest, second.Digest);
    }

    [Fact]
    public void Digest_is_16_lowercase_hex_characters()
    {
        var path = WriteCsv("a.csv", Csv);

        var digest = DataViewDatasets.Describe(Load(path), "d", DatasetSource.File(path)).Digest;

        Assert.Matches("^[0-9a-f]{16}$", digest);
    }

    [Fact]
    public void Digest_changes_when_one_value_in_one_row_changes()
    {
        var a = WriteCsv("a.csv", Csv);
        var b = WriteCsv("b.csv", Csv.Replace("3.25,30.5", "3.25,30.75", StringComparison.Ordinal));

        var first = DataViewDatasets.Describe(Load(a), "d", DatasetSource.File(a));
        var second = DataViewDatasets.Describe(Load(b), "d", DatasetSource.File(b));

        Assert.NotEqual(first.Digest, second.Digest);
    }

    [Fact]
    public void Digest_past_the_row_limit_depends_on_the_row_count_only()
    {
        var changedLastRow = Csv.Replace("-4,40,,false", "-4,41,,false", StringComparison.Ordinal);
        var options = new DatasetDescriptionOptions { MaxDigestRows = 3 };
        var a = WriteCsv("a.csv", Csv);
        var b = WriteCsv("b.csv", changedLastRow);
        var c = WriteCsv("c.csv", Csv + "\n5,50,red,true");

        var first = DataViewDatasets.Describe(Load(a), "d", DatasetSource.File(a), options).Digest;
        var lastRowChanged = DataViewDatasets.Describe(Load(b), "d", DatasetSource.File(b), options).Digest;
        var rowAdded = DataViewDatasets.Describe(Load(c), "d", DatasetSource.File(c), options).Digest;

        Assert.Equal(first, lastRowChanged);
        Assert.NotEqual(first, rowAdded);
    }

    private sealed class AllTypes
    {
        public float Single { get; set; }
        public double Double { get; set; }
        public int Int32 { get; set; }
        public long Int64 { get; set; }
        public bool Boolean { get; set; }
        public string Text { get; set; } = "";
        public DateTime When { get; set; }
        [VectorType(3)] public float[] Vector { get; set; } = [];
    }

    [Fact]
    public void Schema_maps_each_MLNet_column_type_to_MLflows_colspec_type()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable([new AllTypes { Text = "a", Vector = [1, 2, 3] }]);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Key", "Text").Fit(data).Transform(data);

        var schema = DataViewDatasets.Describe(keyed, "d", DatasetSource.Code("test")).Schema;

        Assert.Equal(
            """{"mlflow_colspec":[""" +
            """{"type":"float","name":"Single","required":true},""" +
            """{"type":"double","name":"Double","required":true},""" +
            """{"type":"integer","name":"Int32","required":true},""" +
            """{"type":"long","name":"Int64","required":true},""" +
            """{"type":"boolean","name":"Boolean","required":true},""" +
            """{"type":"string","name":"Text","required":true},""" +
            """{"type":"datetime","name":"When","required":true},""" +
            """{"type":"array","items":{"type":"float"},"name":"Vector","required":true},""" +
            """{"type":"long","name":"Key","required":true}]}""",
            schema);
    }

    [Fact]
    public void Profile_matches_statistics_computed_from_the_file()
    {
        var path = WriteCsv("a.csv", Csv);
        var lines = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        var sizes = lines.Select(f => (double)float.Parse(f[0], CultureInfo.InvariantCulture)).ToList();
        var weights = lines.Where(f => f[1].Length > 0).Select(f => (double)float.Parse(f[1], CultureInfo.InvariantCulture)).ToList();
        var colors = lines.Select(f => f[2]).ToList();

        var profile = DataViewDatasets.Describe(Load(path), "d", DatasetSource.File(path)).Profile!;

        using var json = JsonDocument.Parse(profile);
        var root = json.RootElement;
        Assert.Equal(lines.Count, root.GetProperty("num_rows").GetInt64());
        Assert.Equal(lines.Count * 4, root.GetProperty("num_elements").GetInt64());
        var columns = root.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var size = columns["Size"];
        Assert.Equal(sizes.Count, size.GetProperty("count").GetInt64());
        Assert.Equal(0, size.GetProperty("missing").GetInt64());
        Assert.Equal(sizes.Min(), size.GetProperty("min").GetDouble());
        Assert.Equal(sizes.Max(), size.GetProperty("max").GetDouble());
        Assert.Equal(sizes.Average(), size.GetProperty("mean").GetDouble(), 12);
        var weight = columns["Weight"];
        Assert.Equal(weights.Count, weight.GetProperty("count").GetInt64());
        Assert.Equal(lines.Count - weights.Count, weight.GetProperty("missing").GetInt64());
        Assert.Equal(weights.Average(), weight.GetProperty("mean").GetDouble(), 12);
        var color = columns["Color"];
        Assert.Equal(colors.Count(c => c.Length > 0), color.GetProperty("count").GetInt64());
        Assert.Equal(colors.Count(c => c.Length == 0), color.GetProperty("missing").GetInt64());
        Assert.Equal(colors.Where(c => c.Length > 0).Distinct().Count(), color.GetProperty("distinct").GetInt32());
        Assert.Equal(0.5, columns["Label"].GetProperty("mean").GetDouble());
    }

    [Fact]
    public void Profile_reports_a_capped_distinct_count()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new AllTypes { Text = $"t{i}", Vector = [0, 0, 0] }));

        var profile = DataViewDatasets.Describe(data, "d", DatasetSource.Code("test"), new DatasetDescriptionOptions { MaxDistinctValues = 5 }).Profile!;

        using var json = JsonDocument.Parse(profile);
        var text = json.RootElement.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Text");
        Assert.Equal(5, text.GetProperty("distinct").GetInt32());
        Assert.True(text.GetProperty("distinct_capped").GetBoolean());
    }

    [Fact]
    public void File_source_is_a_local_file_uri()
    {
        var path = WriteCsv("a.csv", Csv);

        var source = DatasetSource.File(path);

        Assert.Equal("local", source.SourceType);
        Assert.Equal(new Uri(path).AbsoluteUri, JsonDocument.Parse(source.Source).RootElement.GetProperty("uri").GetString());
        Assert.StartsWith("file:///", new Uri(path).AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_source_names_its_maker_in_MLflows_code_source_tags()
    {
        var source = DatasetSource.Code("Padre.Pads.MLNet.Datasets.Iris");

        Assert.Equal("code", source.SourceType);
        Assert.Equal("""{"tags":{"mlflow.source.name":"Padre.Pads.MLNet.Datasets.Iris"}}""", source.Source);
    }

    [Fact]
    public void Log_records_the_dataset_as_an_input_with_its_context()
    {
        var path = WriteCsv("a.csv", Csv);
        var run = new RecordingRunWriter();

        var dataset = DataViewDatasets.Log(run, Load(path), "fruit", DatasetSource.File(path), DatasetContexts.Training);

        var input = Assert.Single(run.Inputs);
        Assert.Equal(dataset, input.Dataset);
        Assert.Equal("fruit", input.Dataset.Name);
        Assert.Equal(new RunTag(DatasetInput.ContextTag, "training"), Assert.Single(input.Tags));
    }
}

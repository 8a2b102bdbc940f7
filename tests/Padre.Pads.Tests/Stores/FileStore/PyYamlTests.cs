using System.Text.Json;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.Tests.Stores.FileStore;

public class PyYamlTests
{
    public static TheoryData<int> CaseNumbers()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void Write_matches_pyyaml_safe_dump_for_a_top_level_value(int number)
    {
        var (value, top, _, _, _) = Cases()[number];
        Assert.Equal(top, PyYamlWriter.Write([new("key", value)]));
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void Write_matches_pyyaml_safe_dump_for_a_nested_value(int number)
    {
        var (value, _, nested, _, _) = Cases()[number];
        var tags = new Dictionary<string, string> { ["k"] = value };
        Assert.Equal(nested, PyYamlWriter.Write([new("tags", tags)]));
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void Write_matches_pyyaml_safe_dump_for_a_key(int number)
    {
        var (value, _, _, asKey, _) = Cases()[number];
        if (asKey is not null)
        {
            Assert.Equal(asKey, PyYamlWriter.Write([new(value, "v")]));
        }
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void Read_returns_the_string_pyyaml_wrote(int number)
    {
        var (_, top, nested, asKey, loaded) = Cases()[number];
        Assert.Equal(loaded, PyYamlReader.Read(top)["key"]);
        var tags = Assert.IsType<Dictionary<string, object?>>(PyYamlReader.Read(nested)["tags"]);
        Assert.Equal(loaded, tags["k"]);
        if (asKey is not null)
        {
            Assert.Equal("v", PyYamlReader.Read(asKey)[loaded]);
        }
    }

    [Fact]
    public void Write_sorts_keys_and_writes_null_integers_and_empty_collections()
    {
        var yaml = PyYamlWriter.Write(new Dictionary<string, object?>
        {
            ["tags"] = Array.Empty<object>(),
            ["end_time"] = null,
            ["status"] = 3,
            ["start_time"] = 1795415313832L,
            ["inputs"] = new Dictionary<string, string>(),
        });
        Assert.Equal("end_time: null\ninputs: {}\nstart_time: 1795415313832\nstatus: 3\ntags: []\n", yaml);
    }

    [Fact]
    public void Read_parses_null_empty_collections_and_nested_mappings()
    {
        var fields = PyYamlReader.Read("a: null\nb: []\nc: {}\nd:\n  x: '1'\n  y: z\ne: ''\n");
        Assert.Null(fields["a"]);
        Assert.Empty(Assert.IsType<List<object?>>(fields["b"]));
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(fields["c"]));
        var d = Assert.IsType<Dictionary<string, object?>>(fields["d"]);
        Assert.Equal("1", d["x"]);
        Assert.Equal("z", d["y"]);
        Assert.Equal(string.Empty, fields["e"]);
    }

    private static List<(string Value, string Top, string Nested, string? AsKey, string Loaded)>? _cases;

    private static List<(string Value, string Top, string Nested, string? AsKey, string Loaded)> Cases() => _cases ??=
        File.ReadAllLines(Path.Combine(FileStoreTestData.Directory, "pyyaml-cases.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(c => (c.GetProperty("value").GetString()!, c.GetProperty("top").GetString()!, c.GetProperty("nested").GetString()!,
                c.TryGetProperty("as_key", out var k) ? k.GetString() : null, c.GetProperty("loaded").GetString()!))
            .ToList();
}

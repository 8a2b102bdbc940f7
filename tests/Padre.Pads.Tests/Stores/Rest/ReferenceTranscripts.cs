using System.Text.Json.Nodes;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>The captured MLflow traffic in <c>shared/mlflow-reference</c> (rest/ transcripts and the python client's calls).</summary>
internal static class ReferenceTranscripts
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "mlflow-reference");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "rest")))
            {
                return candidate;
            }
        }

        return null;
    });

    public static string Directory => Root.Value ?? throw new InvalidOperationException(
        "shared/mlflow-reference was not found above the test output directory; the REST contract tests need it.");

    /// <summary>Rows of rest/INDEX.tsv: file, method, path, status, error_code.</summary>
    public static IEnumerable<object[]> Index() =>
        File.ReadLines(Path.Combine(Directory, "rest", "INDEX.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Select(cells => new object[] { cells[0], cells[1], cells[2], int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), cells.Length > 4 ? cells[4] : string.Empty });

    /// <summary>One rest/ transcript by its case number (e.g. 32 → 032-runs-create.json).</summary>
    public static JsonObject Case(int number)
    {
        var file = System.IO.Directory.GetFiles(Path.Combine(Directory, "rest"), $"{number:000}-*.json").Single();
        return Load(file);
    }

    public static JsonObject CaseFile(string file) => Load(Path.Combine(Directory, "rest", file));

    /// <summary>The first python-client call whose api_call starts with <paramref name="apiCall"/> and whose path ends with <paramref name="pathEnd"/>.</summary>
    public static JsonObject ClientCall(string apiCall, string pathEnd)
    {
        var calls = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "client-traffic", "python-client-calls.json")))!.AsArray();
        return calls.Select(c => c!.AsObject())
            .First(c => c["api_call"]!.GetValue<string>().StartsWith(apiCall, StringComparison.Ordinal) && c["path"]!.GetValue<string>().EndsWith(pathEnd, StringComparison.Ordinal));
    }

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();
}

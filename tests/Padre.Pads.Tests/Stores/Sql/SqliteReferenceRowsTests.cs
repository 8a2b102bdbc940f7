using System.Globalization;
using System.Text.RegularExpressions;

namespace Padre.Pads.Tests.Stores.Sql;

/// <summary>The reference session written by our store gives the rows of <c>sqlite/sample-rows.txt</c>, ids and times aside.</summary>
public sealed partial class SqliteReferenceRowsTests(SqliteReferenceRowsTests.Session session) : IClassFixture<SqliteReferenceRowsTests.Session>
{
    // Ids in the reference capture.
    private const string RefExperiment = "5";
    private const string RefParent = "041476f692d04c6f9facef5eed2515b8";
    private const string RefChild = "02e48e2739fd4e9a9e1131df44985a87";
    private const string RefThird = "2e5b8474de37478389310991fb8431d9";

    [GeneratedRegex(@"\b179\d{10}\b")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^[0-9a-f]{32}$")]
    private static partial Regex Uuid();

    [Theory]
    [InlineData("select * from experiments where experiment_id in (0,5)")]
    [InlineData("select * from runs where experiment_id=5")]
    [InlineData("select * from params where run_uuid='041476f692d04c6f9facef5eed2515b8'")]
    [InlineData("select * from metrics where run_uuid='041476f692d04c6f9facef5eed2515b8' and key in ('loss','a','b','bm') order by key, step")]
    [InlineData("select * from latest_metrics where run_uuid='041476f692d04c6f9facef5eed2515b8'")]
    [InlineData("select * from tags where run_uuid='041476f692d04c6f9facef5eed2515b8'")]
    [InlineData("select * from datasets where experiment_id=5")]
    [InlineData("select * from inputs where destination_id='041476f692d04c6f9facef5eed2515b8'")]
    [InlineData("select i.* from input_tags i join inputs n on n.input_uuid=i.input_uuid where n.destination_id='041476f692d04c6f9facef5eed2515b8'")]
    public void Reference_session_gives_MLflow_s_rows(string query)
    {
        var (scope, scenario) = (session.Scope, session.Scenario);
        var ours = scope.Rows(query
            .Replace(RefParent, scenario.Parent, StringComparison.Ordinal)
            .Replace("(0,5)", $"(0,{scenario.ExperimentId})", StringComparison.Ordinal)
            .Replace("=5", "=" + scenario.ExperimentId, StringComparison.Ordinal));
        var ourIds = new Dictionary<string, string> { [scenario.Parent] = "<parent>", [scenario.Child] = "<child>", [scenario.Third] = "<third>" };
        var refIds = new Dictionary<string, string> { [RefParent] = "<parent>", [RefChild] = "<child>", [RefThird] = "<third>" };

        var expected = Mask(ReferenceRows(query), refIds, RefExperiment, "mlflow-artifacts:");
        var actual = Mask(ours, ourIds, scenario.ExperimentId, scope.ArtifactRoot);

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    private static List<string> Mask(IEnumerable<string> rows, Dictionary<string, string> ids, string experimentId, string artifactRoot)
    {
        var generated = new Dictionary<string, string>();
        return rows.Select(row => string.Join(" | ", row.Split(" | ").Select(cell =>
        {
            cell = cell.Trim();
            if (ids.TryGetValue(cell, out var known))
            {
                return known;
            }

            if (Uuid().IsMatch(cell))
            {
                // dataset_uuid, input_uuid: named by first appearance so equal ids stay equal.
                if (!generated.TryGetValue(cell, out var name))
                {
                    generated[cell] = name = $"<uuid{generated.Count}>";
                }

                return name;
            }

            if (cell == experimentId)
            {
                return "<exp>";
            }

            if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !cell.StartsWith('0') || cell is "0" or "0.0")
            {
                // sqlite3 prints 15 significant digits, .NET round-trips: compare numbers, not their text.
                // (Printed with 15 digits, the largest double reads back as infinity: clamp it again.)
                return Timestamp().IsMatch(cell) ? "<time>" : Math.Clamp(number, -double.MaxValue, double.MaxValue).ToString("G15", CultureInfo.InvariantCulture);
            }

            cell = cell.Replace(artifactRoot, "<root>", StringComparison.Ordinal);
            foreach (var (id, name) in ids)
            {
                cell = cell.Replace(id, name, StringComparison.Ordinal);
            }

            return Regex.Replace(cell, $"^<root>/?{experimentId}(?=/|$)", "<root>/<exp>");
        }))).ToList();
    }

    private static List<string> ReferenceRows(string query)
    {
        var lines = File.ReadAllLines(SqliteSchemaTests.ReferenceFile("sqlite/sample-rows.txt"));
        var start = Array.IndexOf(lines, "-- " + query);
        Assert.True(start >= 0, $"query not in sample-rows.txt: {query}");
        return lines.Skip(start + 2).TakeWhile(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The reference session, written once for all queries.</summary>
    public sealed class Session : IAsyncLifetime
    {
        public SqliteStoreScope Scope { get; } = new();

        public ReferenceScenario Scenario { get; } = new();

        public async Task InitializeAsync()
        {
            // The capture's experiment was number 5; small numbers are values elsewhere in the rows, so ours is 5 too.
            for (var i = 1; i < 5; i++)
            {
                await Scope.Store.CreateExperimentAsync($"filler-{i}");
            }

            await Scenario.WriteAsync(Scope.Store);
        }

        public Task DisposeAsync() => Scope.DisposeAsync().AsTask();
    }
}

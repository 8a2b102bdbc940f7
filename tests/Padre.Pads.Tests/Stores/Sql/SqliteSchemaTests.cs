using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteSchemaTests
{
    [Fact]
    public async Task New_database_has_exactly_the_tables_indexes_and_triggers_of_schema_sql()
    {
        await using var scope = new SqliteStoreScope();
        var created = scope.Rows("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL").Select(Normalize).Order().ToList();
        var expected = SchemaStatements(File.ReadAllText(ReferenceFile("sqlite/schema.sql"))).Select(Normalize).Order().ToList();

        Assert.Equal(48, scope.Rows("SELECT name FROM sqlite_master WHERE type = 'table'").Count);
        Assert.Equal(expected, created);
    }

    [Fact]
    public async Task New_database_is_at_alembic_head_with_the_default_workspace()
    {
        await using var scope = new SqliteStoreScope();

        Assert.Equal(["7d34483879f0"], scope.Rows("SELECT version_num FROM alembic_version"));
        Assert.Equal(["default | Default workspace for legacy resources | "], scope.Rows("SELECT * FROM workspaces"));
    }

    [Fact]
    public async Task New_database_has_the_Default_experiment_0_as_MLflow_creates_it()
    {
        await using var scope = new SqliteStoreScope();

        var row = Assert.Single(scope.Rows("SELECT experiment_id, name, artifact_location, lifecycle_stage, workspace, creation_time = last_update_time, creation_time > 0 FROM experiments"));
        Assert.Equal($"0 | Default | {scope.ArtifactRoot}/0 | active | default | 1 | 1", row);
    }

    [Fact]
    public async Task Reopening_a_database_keeps_its_rows_and_adds_nothing()
    {
        await using var scope = new SqliteStoreScope();
        var experimentId = await scope.Store.CreateExperimentAsync("kept");
        await scope.ReopenAsync();

        Assert.Equal(["0 | Default", "1 | kept"], scope.Rows("SELECT experiment_id, name FROM experiments ORDER BY experiment_id"));
        Assert.Equal("kept", (await scope.Store.GetExperimentAsync(experimentId))!.Name);
    }

    [Fact]
    public async Task Opening_a_database_without_experiment_0_recreates_it_as_MLflow_does()
    {
        await using var scope = new SqliteStoreScope();
        await scope.Store.DisposeAsync();
        scope.Sql("DELETE FROM experiments WHERE experiment_id = 0");

        await scope.ReopenAsync();

        Assert.Equal([$"0 | Default | {scope.ArtifactRoot}/0"], scope.Rows("SELECT experiment_id, name, artifact_location FROM experiments"));
    }

    [Fact]
    public async Task Opening_a_database_at_another_revision_names_both_revisions_and_the_fix()
    {
        await using var scope = new SqliteStoreScope();
        await scope.Store.DisposeAsync();
        scope.Sql("UPDATE alembic_version SET version_num = '1b5f0d9ad7c1'");

        var error = Assert.Throws<TrackingStoreException>(() => new SqliteTrackingStore(scope.DatabasePath, scope.ArtifactRoot));

        Assert.Contains("'1b5f0d9ad7c1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'7d34483879f0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("mlflow db upgrade", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1b5f0d9ad7c1"], scope.Rows("SELECT version_num FROM alembic_version"));
    }

    [Fact]
    public void Opening_a_database_that_is_not_MLflow_refuses_and_writes_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("padre-sql-").FullName;
        try
        {
            var path = Path.Combine(directory, "other.db");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE notes (text TEXT)";
                command.ExecuteNonQuery();
            }

            var error = Assert.Throws<TrackingStoreException>(() => new SqliteTrackingStore(path, Path.Combine(directory, "mlruns")));

            Assert.Contains("not an MLflow tracking store", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Tracking_uri_is_the_sqlite_uri_of_the_absolute_database_path()
    {
        await using var scope = new SqliteStoreScope();

        Assert.Equal("sqlite:///" + scope.DatabasePath, scope.Store.TrackingUri);
    }

    internal static string ReferenceFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "mlflow-reference", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // The schema ships inside Padre.Pads too; fall back to it where the shared folder is absent.
        if (relative == "sqlite/schema.sql")
        {
            var path = Path.Combine(Path.GetTempPath(), "padre-embedded-schema.sql");
            File.WriteAllText(path, MlflowSchema.ReadSchemaScript());
            return path;
        }

        throw new FileNotFoundException($"shared/mlflow-reference/{relative} was not found above {AppContext.BaseDirectory}.");
    }

    // sqlite3's .schema prints "CREATE TABLE IF NOT EXISTS" for quoted names; sqlite_master keeps the plain form.
    // MLflow's migrations emit a table's constraints in varying order, so lines are compared as a set.
    internal static string Normalize(string sql)
    {
        var lines = sql.Trim().TrimEnd(';').Replace("IF NOT EXISTS ", "", StringComparison.Ordinal)
            .Split('\n')
            .Select(line => string.Join(' ', line.Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd(','))
            .Where(line => line.Length > 0);
        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> SchemaStatements(string script)
    {
        var statement = new System.Text.StringBuilder();
        var inTrigger = false;
        foreach (var line in script.Split('\n'))
        {
            statement.AppendLine(line);
            inTrigger |= line.StartsWith("CREATE TRIGGER", StringComparison.Ordinal);
            var ends = inTrigger ? line.TrimEnd() == "END;" : line.TrimEnd().EndsWith(';');
            if (ends)
            {
                yield return statement.ToString();
                statement.Clear();
                inTrigger = false;
            }
        }
    }
}

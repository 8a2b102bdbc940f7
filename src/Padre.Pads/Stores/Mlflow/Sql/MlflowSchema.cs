using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

/// <summary>
/// MLflow's SQLite schema: creates it in an empty database exactly as MLflow's migrations leave it,
/// and refuses a database at any other alembic revision, because writing rows into a schema we do
/// not know would corrupt it silently.
/// </summary>
internal static class MlflowSchema
{
    /// <summary>The alembic head of the MLflow version whose schema we write (MLflow 3.11).</summary>
    public const string Revision = "7d34483879f0";

    private const string ResourceName = "Padre.Pads.Stores.Mlflow.Sql.mlflow-schema.sql";

    /// <summary>
    /// Creates the schema, the <c>default</c> workspace and the <c>Default</c> experiment 0 when the database is
    /// empty; checks the revision otherwise. Runs in one immediate transaction so two processes opening a new file
    /// at once do not both create it.
    /// </summary>
    public static void EnsureCurrent(SqliteConnection connection, string databasePath, string defaultExperimentLocation, long now)
    {
        using var transaction = connection.BeginTransaction();
        if (!TableExists(connection, transaction, "alembic_version"))
        {
            if (TableCount(connection, transaction) > 0)
            {
                throw new TrackingStoreException(
                    "INVALID_STATE",
                    $"'{databasePath}' is a SQLite database but not an MLflow tracking store (it has tables but no 'alembic_version'). "
                    + "Point Padre.Pads at a new file or at a database created by MLflow.");
            }

            Create(connection, transaction);
        }
        else
        {
            var found = ReadRevision(connection, transaction);
            if (found != Revision)
            {
                throw new TrackingStoreException(
                    "INVALID_STATE",
                    $"The MLflow database '{databasePath}' is at schema revision '{found ?? "(none)"}', but Padre.Pads writes revision '{Revision}' (MLflow 3.11). "
                    + $"Nothing was written. If the database is older, back it up and run 'mlflow db upgrade sqlite:///{databasePath}' with MLflow 3.11; "
                    + "if it is newer, use a Padre.Pads version matching your MLflow, or record to a new database file.");
            }
        }

        EnsureDefaultExperiment(connection, transaction, defaultExperimentLocation, now);
        transaction.Commit();
    }

    private static void Create(SqliteConnection connection, SqliteTransaction transaction)
    {
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = ReadSchemaScript();
            command.ExecuteNonQuery();
        }

        using var seed = connection.CreateCommand();
        seed.Transaction = transaction;
        seed.CommandText =
            "INSERT INTO alembic_version (version_num) VALUES ($revision);"
            + "INSERT INTO workspaces (name, description, default_artifact_root) VALUES ('default', 'Default workspace for legacy resources', NULL);";
        seed.Parameters.AddWithValue("$revision", Revision);
        seed.ExecuteNonQuery();
    }

    // MLflow creates experiment 0 whenever a store opens a database without it; so do we.
    private static void EnsureDefaultExperiment(SqliteConnection connection, SqliteTransaction transaction, string location, long now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) "
            + "SELECT 0, 'Default', $location, 'active', $now, $now, 'default' "
            + "WHERE NOT EXISTS (SELECT 1 FROM experiments WHERE experiment_id = 0)";
        command.Parameters.AddWithValue("$location", location);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }

    private static string? ReadRevision(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version_num FROM alembic_version";
        return command.ExecuteScalar() as string;
    }

    private static bool TableExists(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static long TableCount(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The schema script as MLflow's <c>sqlite3 .schema</c> prints it.</summary>
    internal static string ReadSchemaScript()
    {
        using var stream = typeof(MlflowSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from Padre.Pads.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

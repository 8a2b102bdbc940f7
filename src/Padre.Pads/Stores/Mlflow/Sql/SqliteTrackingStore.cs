using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

/// <summary>
/// Records runs into MLflow's own SQLite database (<c>sqlite:///mlflow.db</c>), so <c>mlflow ui</c>,
/// <c>mlflow server</c> and MLflow's Python client read and append to it with no migration.
/// </summary>
/// <remarks>
/// A new file gets MLflow's schema (alembic revision <c>7d34483879f0</c>) and the <c>Default</c> experiment 0; an existing
/// one must be at that revision or the constructor throws, naming both revisions. Rows are written as MLflow's SQL store
/// writes them. Artifacts go where MLflow's local client puts them: under <c>&lt;artifact root&gt;/&lt;experiment&gt;/&lt;run&gt;/artifacts</c>.
/// Every call opens a pooled connection and keeps its transaction short; writes take the write lock up front
/// (<c>BEGIN IMMEDIATE</c>), wait at most a few seconds for another writer and then fail as transient.
/// The journal mode is left as MLflow leaves it (rollback journal), so no <c>-wal</c> files appear next to a user's database.
/// </remarks>
public sealed partial class SqliteTrackingStore : ITrackingStore
{
    private static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly string _databasePath;
    private readonly string _artifactRoot;
    private readonly int _busyTimeoutMilliseconds;
    private bool _disposed;

    /// <summary>
    /// Opens (or creates) the MLflow database at <paramref name="databasePath"/>.
    /// </summary>
    /// <param name="databasePath">The database file; relative paths resolve against the working directory.</param>
    /// <param name="defaultArtifactRoot">Where experiments without an explicit location keep artifacts, e.g. <c>./mlruns</c>
    /// (resolved against the working directory as MLflow does) or a <c>file:</c> URI.</param>
    /// <exception cref="TrackingStoreException">The file is not an MLflow database, or is at another schema revision.</exception>
    public SqliteTrackingStore(string databasePath, string defaultArtifactRoot)
        : this(databasePath, defaultArtifactRoot, DefaultBusyTimeout)
    {
    }

    /// <summary>As the public constructor, waiting at most <paramref name="busyTimeout"/> for another writer's lock.</summary>
    internal SqliteTrackingStore(string databasePath, string defaultArtifactRoot, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentException.ThrowIfNullOrEmpty(defaultArtifactRoot);
        _databasePath = Path.GetFullPath(databasePath);
        _artifactRoot = ArtifactLocation.Resolve(defaultArtifactRoot);
        _busyTimeoutMilliseconds = (int)busyTimeout.TotalMilliseconds;
        var directory = Path.GetDirectoryName(_databasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement until this many seconds pass; 0 would mean forever.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();

        Execute(connection =>
        {
            MlflowSchema.EnsureCurrent(connection, _databasePath, ArtifactLocation.Append(_artifactRoot, "0"), Now());
            return 0;
        });
    }

    /// <inheritdoc />
    public string TrackingUri => "sqlite:///" + _databasePath.Replace('\\', '/');

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            // Pooled connections keep the file open; clearing the pool lets callers delete or move it.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private SqliteConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // As MLflow's sessions do: wait for a lock instead of failing at once, and make LIKE case-sensitive.
        pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA case_sensitive_like = true;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    // Reads and single statements: one pooled connection per call.
    private T Execute<T>(Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = Open();
            return work(connection);
        }
        catch (SqliteException exception)
        {
            throw SqliteFailure.From(exception, _databasePath);
        }
    }

    // Writes: one immediate transaction, all or nothing.
    private T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        return Execute(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        });
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static int NonQuery(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static long? ParseExperimentId(string experimentId) =>
        long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static TrackingStoreException InvalidParameter(string message) => new("INVALID_PARAMETER_VALUE", message);

    private static TrackingStoreException RunNotFound(string runId) => new("RESOURCE_DOES_NOT_EXIST", $"Run with id={runId} not found");
}

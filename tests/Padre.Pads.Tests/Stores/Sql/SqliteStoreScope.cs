using System.Globalization;
using Microsoft.Data.Sqlite;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Tests.Stores.Sql;

/// <summary>A store on a fresh temp directory (mlflow.db + mlruns/), with raw SQL access for checking rows.</summary>
public sealed class SqliteStoreScope : IAsyncDisposable
{
    public SqliteStoreScope(TimeSpan? busyTimeout = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("padre-sql-").FullName;
        DatabasePath = Path.Combine(Directory, "mlflow.db");
        ArtifactRoot = Path.Combine(Directory, "mlruns");
        Store = new SqliteTrackingStore(DatabasePath, ArtifactRoot, busyTimeout ?? TimeSpan.FromSeconds(5));
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public string ArtifactRoot { get; }

    public SqliteTrackingStore Store { get; private set; }

    public const string UserId = "tester";

    public static long Time(int offset = 0) => 1_795_416_661_000L + offset;

    public async Task<string> NewRunAsync(string experimentId = "0", string? name = null, IReadOnlyList<RunTag>? tags = null)
    {
        var info = await Store.CreateRunAsync(new RunCreation(experimentId, Guid.NewGuid().ToString("N"), name, UserId, Time(), tags ?? []));
        return info.RunId;
    }

    /// <summary>Rows of a query, each as "a | b | c" with SQLite's own text for values (NULL as empty).</summary>
    public List<string> Rows(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join(" | ", cells));
        }

        return rows;
    }

    public void Sql(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = new SqliteTrackingStore(DatabasePath, ArtifactRoot);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

/// <summary>Turns SQLite errors into <see cref="TrackingStoreException"/>s with MLflow's codes.</summary>
internal static class SqliteFailure
{
    private const int Busy = 5;
    private const int Locked = 6;

    /// <summary>A busy or locked database is transient (another writer, MLflow UI); the rest is not.</summary>
    public static TrackingStoreException From(SqliteException exception, string databasePath)
    {
        if (exception.SqliteErrorCode is Busy or Locked)
        {
            return new TrackingStoreException(
                "TEMPORARILY_UNAVAILABLE",
                $"The MLflow database '{databasePath}' is locked by another process; the write will be retried. ({exception.Message})",
                isTransient: true,
                inner: exception);
        }

        return new TrackingStoreException(
            "BAD_REQUEST",
            $"SQLite error on the MLflow database '{databasePath}': {exception.Message}",
            inner: exception);
    }
}

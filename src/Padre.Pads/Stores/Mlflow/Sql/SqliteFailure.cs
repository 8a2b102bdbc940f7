using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

/// <summary>Turns SQLite errors into <see cref="TrackingStoreException"/>s with MLflow's codes.</summary>
internal static class SqliteFailure
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Full = 13;

    /// <summary>A busy or locked database (another writer, MLflow UI) or a full disk is transient; the rest is not.</summary>
    public static TrackingStoreException From(SqliteException exception, string databasePath)
    {
        if (exception.SqliteErrorCode is Full)
        {
            return new TrackingStoreException(
                "TEMPORARILY_UNAVAILABLE",
                $"The disk holding the MLflow database '{databasePath}' is full; the write will be retried once there is space. ({exception.Message})",
                isTransient: true,
                inner: exception);
        }

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

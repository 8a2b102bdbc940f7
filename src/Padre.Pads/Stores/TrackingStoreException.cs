namespace Padre.Pads.Stores;

/// <summary>A store refused or could not carry out an operation.</summary>
/// <remarks>
/// <see cref="ErrorCode"/> uses MLflow's codes (<c>INVALID_PARAMETER_VALUE</c>, <c>RESOURCE_DOES_NOT_EXIST</c>,
/// <c>RESOURCE_ALREADY_EXISTS</c>, ...). <see cref="IsTransient"/> is true when trying again later may succeed
/// (server unreachable, 5xx, timeouts, a locked database): the exporter keeps such records in the spool.
/// Messages never contain credentials.
/// </remarks>
public sealed class TrackingStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrackingStoreException(string errorCode, string message, bool isTransient = false, int? httpStatus = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
        IsTransient = isTransient;
        HttpStatus = httpStatus;
    }

    /// <summary>MLflow's error code.</summary>
    public string ErrorCode { get; }

    /// <summary>True when the same call may succeed later.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status for a tracking server, else null.</summary>
    public int? HttpStatus { get; }
}

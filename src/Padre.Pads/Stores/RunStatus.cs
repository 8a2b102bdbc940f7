namespace Padre.Pads.Stores;

/// <summary>The status of a run, with MLflow's names and file-store numbers.</summary>
public enum RunStatus
{
    /// <summary>The run is executing.</summary>
    Running = 1,
    /// <summary>The run is scheduled but has not started.</summary>
    Scheduled = 2,
    /// <summary>The run ended normally.</summary>
    Finished = 3,
    /// <summary>The run ended with an exception.</summary>
    Failed = 4,
    /// <summary>The run was interrupted (Ctrl+C, SIGTERM) or its process died.</summary>
    Killed = 5,
}

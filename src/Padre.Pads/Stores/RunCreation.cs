namespace Padre.Pads.Stores;

/// <summary>What is needed to create a run.</summary>
/// <param name="ExperimentId">The experiment the run belongs to.</param>
/// <param name="RunId">The id the caller proposes (32 lowercase hex). Local stores use it; a tracking
/// server assigns its own, so callers must use the id in the returned <see cref="RunInfo"/>.</param>
/// <param name="RunName">The run name; null lets the store generate one as MLflow does.</param>
/// <param name="UserId">The user (also written as tag <c>mlflow.user</c> by the caller).</param>
/// <param name="StartTime">Milliseconds since the Unix epoch.</param>
/// <param name="Tags">Tags to set at creation (system tags included).</param>
public sealed record RunCreation(
    string ExperimentId,
    string RunId,
    string? RunName,
    string UserId,
    long StartTime,
    IReadOnlyList<RunTag> Tags);

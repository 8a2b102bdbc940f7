namespace Padre.Pads.Hooks;

/// <summary>
/// The anchors a tracked call is hooked at (PyPads' hook names). Flags: one call may be several things,
/// e.g. <c>CrossValidate</c> both fits and measures.
/// </summary>
[Flags]
public enum Hook
{
    /// <summary>Not hooked.</summary>
    None = 0,

    /// <summary>An estimator, trainer, transform or pipeline is created: its arguments are hyperparameters.</summary>
    Init = 1,

    /// <summary>A model is fitted: parameters, input dataset, timing, the fitted model.</summary>
    Fit = 2,

    /// <summary>A single prediction: counted and timed per site, logged at run end.</summary>
    Predict = 4,

    /// <summary>Data is transformed by a fitted model.</summary>
    Transform = 8,

    /// <summary>A call returns metrics: every numeric member of the result is logged.</summary>
    Metric = 16,

    /// <summary>Data is split (train/test, folds): split settings.</summary>
    Split = 32,

    /// <summary>Any other call worth recording: its arguments and result.</summary>
    Log = 64,
}

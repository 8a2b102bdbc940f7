namespace Padre.Pads.Hooks;

/// <summary>What an argument is to tracking.</summary>
public enum ArgumentRole
{
    /// <summary>A plain value: logged as a parameter.</summary>
    Value,

    /// <summary>Data the call reads (an <c>IDataView</c>): a dataset input.</summary>
    Input,

    /// <summary>The label/target column or data.</summary>
    Target,

    /// <summary>A model or estimator.</summary>
    Model,

    /// <summary>An Options object; its members follow as <see cref="Option"/> arguments.</summary>
    Options,

    /// <summary>One public member of an Options object (<c>options.L2Regularization</c>).</summary>
    Option,

    /// <summary>Not recorded.</summary>
    Ignore,
}

/// <summary>A parameter of an intercepted call, as the generator saw it.</summary>
/// <param name="Name">The parameter name, or <c>options.Member</c> for an Options member.</param>
/// <param name="Written">Whether the call wrote this argument (false: the target's default was used).</param>
/// <param name="Role">What the argument is to tracking.</param>
public readonly record struct SiteParameter(string Name, bool Written, ArgumentRole Role);

/// <summary>A method marked <c>[PadreExperiment]</c>: each call is a run.</summary>
/// <param name="Name">The run name.</param>
/// <param name="Project">The MLflow experiment; null: the current/default one.</param>
public sealed record ExperimentInfo(string Name, string? Project);

/// <summary>A method marked <c>[PadreDataset]</c>: what it returns is this dataset.</summary>
/// <param name="Name">The dataset name.</param>
/// <param name="Target">The target (label) column, if any.</param>
public sealed record DatasetInfo(string Name, string? Target);

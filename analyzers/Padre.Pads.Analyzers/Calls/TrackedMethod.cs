using System;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Analyzers.Calls;

/// <summary>
/// Decides whether a call target is one the generator intercepts, and says what goes unrecorded when
/// a call to it is not intercepted. Tracked: the ML.NET members the built-in mapping hooks (by
/// namespace and name), trainer factories on an ML.NET trainers catalog, and methods carrying
/// <c>[Track]</c> or <c>[PadreExperiment]</c>.
/// </summary>
internal static class TrackedMethod
{
    /// <summary>What is lost when the call is not intercepted, or null when the method is not tracked.</summary>
    public static string? WhatIsLost(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (SymbolFacts.HasAttribute(method.OriginalDefinition, KnownNames.ExperimentAttribute))
        {
            return "no experiment run is started for this call, so its name and project are not applied";
        }

        if (SymbolFacts.HasAttribute(method.OriginalDefinition, KnownNames.TrackAttribute))
        {
            return "its [Track] hooks do not fire, so nothing is recorded for this call";
        }

        if (IsTrainerFactory(method))
        {
            return $"the arguments (hyperparameters) of the {method.Name} trainer are not recorded";
        }

        return SymbolFacts.IsInMLNamespace(method.ContainingType) ? WhatIsLostByName(method.Name) : null;
    }

    /// <summary>What is lost for an ML.NET member known only by name (a call on a <c>dynamic</c> receiver).</summary>
    public static string? WhatIsLostByName(string name) => name switch
    {
        "Fit" => "the parameters, input dataset, timing and model of this Fit are not recorded",
        "Transform" => "the input and timing of this Transform are not recorded",
        "Evaluate" => "the metrics of this Evaluate are not recorded",
        "CrossValidate" => "the per-fold metrics of this CrossValidate are not recorded",
        "TrainTestSplit" => "the settings of this split are not recorded",
        "Predict" => "these predictions are not counted or timed",
        "Save" => "the saved model is not recorded as an artifact",
        "Load" => "the loaded model is not recorded as an input",
        _ => null,
    };

    /// <summary>
    /// Trainer factories are extension methods (StandardTrainersCatalog, TreeExtensions, ...) on nested
    /// catalog types such as <c>MulticlassClassificationCatalog.MulticlassClassificationTrainers</c>;
    /// matching the declaring class alone would miss them.
    /// </summary>
    private static bool IsTrainerFactory(IMethodSymbol method)
    {
        var catalog = method.IsExtensionMethod && method.Parameters.Length > 0
            ? method.Parameters[0].Type
            : method.ContainingType;
        return SymbolFacts.IsInMLNamespace(catalog)
            && catalog.Name.EndsWith("Trainers", StringComparison.Ordinal)
            && !method.ReturnsVoid;
    }
}

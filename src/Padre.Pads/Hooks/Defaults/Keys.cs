using Padre.Pads.Stores;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>How the default loggers name what they record (all through <see cref="MlflowRules.SanitizeKey"/>).</summary>
internal static class Keys
{
    /// <summary><c>SdcaMaximumEntropy.l2Regularization</c>; an experiment's own parameters keep their bare names.</summary>
    public static string Parameter(InterceptionSite site, string name) => Parameter(site, site.Step, name);

    /// <summary>As above, with the name the run gave this site's step (<c>OneHotEncoding.2</c> for a second encoder).</summary>
    public static string Parameter(InterceptionSite site, string stepName, string name) =>
        MlflowRules.SanitizeKey(site.Experiment is not null ? name : stepName + "." + name);

    /// <summary><c>timing.Fit</c>.</summary>
    public static string Timing(InterceptionSite site) => MlflowRules.SanitizeKey("timing." + site.Step);

    /// <summary>A metric read from a result; cross-validation results (fit + metric) are prefixed <c>cv.</c>.</summary>
    public static string Metric(InterceptionSite site, string name) =>
        MlflowRules.SanitizeKey((site.Hooks & Hook.Fit) != 0 ? "cv." + name : name);
}

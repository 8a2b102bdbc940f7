using Padre.Pads.Hooks;
using Padre.Pads.MLNet.Data;

[assembly: PadreRegistration(typeof(Padre.Pads.MLNet.Hooks.MLNetRegistration))]

namespace Padre.Pads.MLNet.Hooks;

/// <summary>Plugs ML.NET knowledge into the hook pipeline; the generator calls <see cref="Register"/> at start-up.</summary>
public static class MLNetRegistration
{
    /// <summary>
    /// Replaces the default <c>input</c> logger with one that describes data views (digest, schema, profile, source)
    /// and adds <c>mlnet.origins</c> (remembers loaded files and split sides) and <c>mlnet.model</c> (the fitted
    /// model and its pipeline structure).
    /// </summary>
    public static void Register()
    {
        var origins = new DataViewOrigins();
        EventLoggers.Register(new DataViewOriginLogger(origins));
        EventLoggers.Register(new DataViewInputLogger(origins));
        EventLoggers.Register(new FittedModelLogger());
    }
}

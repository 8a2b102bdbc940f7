using System.Globalization;

namespace Padre.Pads.Loggers.Run;

/// <summary>Sizes as MLflow's system metrics give them: megabytes of 10^6 bytes, one decimal.</summary>
internal static class Megabytes
{
    public static double Of(double bytes) => Math.Round(bytes / 1e6, 1);

    public static string Text(double bytes) => Of(bytes).ToString("0.0", CultureInfo.InvariantCulture);
}

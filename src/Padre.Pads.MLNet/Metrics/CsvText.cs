using System.Globalization;

namespace Padre.Pads.MLNet.Metrics;

/// <summary>RFC 4180 fields: quoted only when they hold a comma, quote or line break; numbers round-trip.</summary>
internal static class CsvText
{
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // A float keeps its own shortest round-trip form ("0.91844106"), not its widened double's.
    public static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}

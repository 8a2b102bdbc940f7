// Writes taxi-fare.csv: SYNTHETIC taxi trips (not real data), deterministic (fixed seed).
// Run from this folder: dotnet run generate.cs
// Fares follow a simple New York-style tariff: a flag drop, a per-mile and a per-minute rate, a flat airport
// fare for rate code 2, a night surcharge, and noise; trips are drawn from plain distributions.
using System.Globalization;
using System.Text;

var random = new Random(20261123);
var csv = new StringBuilder("vendor_id,rate_code,passenger_count,trip_time_in_secs,trip_distance,payment_type,fare_amount\n");
for (var i = 0; i < 2000; i++)
{
    var vendor = random.NextDouble() < 0.5 ? "CMT" : "VTS";
    var rate = random.NextDouble() switch { < 0.90 => 1, < 0.96 => 2, < 0.98 => 3, < 0.99 => 4, _ => 5 };
    var passengers = random.NextDouble() switch { < 0.70 => 1, < 0.85 => 2, < 0.92 => 3, < 0.96 => 4, < 0.98 => 5, _ => 6 };
    var distance = Math.Round(rate == 2 ? 15 + random.NextDouble() * 6 : 0.3 + -Math.Log(1 - random.NextDouble()) * 2.6, 2);
    var speedMph = 8 + random.NextDouble() * 14;
    var seconds = (int)Math.Round(distance / speedMph * 3600 + random.Next(30, 240));
    var payment = random.NextDouble() < 0.62 ? "CRD" : "CSH";
    var night = random.NextDouble() < 0.25;
    var fare = rate == 2
        ? 52.0
        : 2.5 + 2.5 * distance + 0.5 * (seconds / 60.0) * 0.4 + (rate >= 3 ? 0.5 * distance : 0);
    fare += (night ? 0.5 : 0) + (random.NextDouble() - 0.5) * 1.5;
    csv.Append(string.Create(CultureInfo.InvariantCulture,
        $"{vendor},{rate},{passengers},{seconds},{distance},{payment},{Math.Round(Math.Max(2.5, fare), 2)}\n"));
}
File.WriteAllText("taxi-fare.csv", csv.ToString());

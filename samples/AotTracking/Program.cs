using Padre.Pads;
using Padre.Pads.Hooks;

// A NativeAOT program tracked by Padre.Pads: fits y = 3x + 1 by gradient descent. ML.NET is not AOT-safe, so
// this is plain C#; the experiment and the loss function are tracked through attributes.
var loss = LinearFit.Train(learningRate: 0.05, epochs: 40);
Console.WriteLine($"final loss {loss:F6}");

// A short-lived program: make sure everything reached mlflow.db before exiting.
return Tracker.Flush(TimeSpan.FromSeconds(30)) ? 0 : 1;

internal static class LinearFit
{
    private static readonly (double X, double Y)[] Points = [.. Enumerable.Range(0, 20).Select(i => (i / 10.0, 3 * (i / 10.0) + 1))];

    [PadreExperiment("aot-linear-fit", Project = "AotTracking")]
    public static double Train(double learningRate, int epochs)
    {
        double w = 0, b = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            double gw = 0, gb = 0;
            foreach (var (x, y) in Points)
            {
                var error = w * x + b - y;
                gw += 2 * error * x / Points.Length;
                gb += 2 * error / Points.Length;
            }

            w -= learningRate * gw;
            b -= learningRate * gb;
            Tracker.LogMetric("train_loss", Loss(w, b), step: epoch);
        }

        Tracker.LogParam("model", "linear");
        return Loss(w, b);
    }

    [Track(Hook.Metric)]
    public static double Loss(double w, double b) => Points.Average(p => Math.Pow(w * p.X + b - p.Y, 2));
}

using System.Globalization;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// The C# files of the synthetic project: half of them use ML.NET the way data scientists write it (trainer
/// factories, Fit, Transform, Evaluate, CrossValidate, prediction engines), one in ten uses Padre's attributes,
/// the rest is ordinary application code (records, LINQ, text handling, async I/O) the generator must skip.
/// </summary>
internal static class SyntheticSources
{
    /// <summary>What a file of the synthetic project contains.</summary>
    public enum Kind
    {
        BinaryPipeline,
        RegressionPipeline,
        MulticlassPipeline,
        Attributed,
        Orders,
        TextReport,
        Inventory,
    }

    /// <summary>Ten-file pattern: 2 binary, 1 regression, 1 multiclass, 1 attributed, 5 ordinary.</summary>
    public static Kind KindOf(int index) => (index % 10) switch
    {
        0 or 5 => Kind.BinaryPipeline,
        1 => Kind.RegressionPipeline,
        2 => Kind.MulticlassPipeline,
        3 => Kind.Attributed,
        4 or 8 => Kind.Orders,
        6 => Kind.TextReport,
        _ => Kind.Inventory,
    };

    public static string FileName(int index) => $"{KindOf(index)}{index:000}.cs";

    public static string File(int index) => KindOf(index) switch
    {
        Kind.BinaryPipeline => Binary(index),
        Kind.RegressionPipeline => Regression(index),
        Kind.MulticlassPipeline => Multiclass(index),
        Kind.Attributed => Attributed(index),
        Kind.Orders => Orders(index),
        Kind.TextReport => TextReport(index),
        _ => Inventory(index),
    };

    /// <summary>The program's entry point: calls every experiment, as a user's Main would.</summary>
    public static string Program(int count)
    {
        var experiments = Enumerable.Range(0, count).Where(i => KindOf(i) == Kind.Attributed)
            .Select(i => $"        failures += Module{i:000}.Experiment{i:000}.Run(epochs);");
        return $$"""
            namespace Synthetic;

            public static class Program
            {
                public static int Main(string[] args)
                {
                    Console.WriteLine("synthetic project with {{count}} files");
                    var epochs = args.Length;
                    var failures = 0;
            {{string.Join(Environment.NewLine, experiments)}}
                    return failures;
                }
            }
            """;
    }

    private static string Binary(int i)
    {
        var trainer = (i / 10 % 3) switch
        {
            0 => "ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: \"Label\", featureColumnName: \"Features\", l2Regularization: 0.01f)",
            1 => "ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: \"Label\", featureColumnName: \"Features\")",
            _ => "ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 20, numberOfTrees: 50, minimumExampleCountPerLeaf: 5, learningRate: 0.2)",
        };
        return $$"""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace Synthetic.Module{{i:000}};

            /// <summary>Sentiment of a short review, binary classification.</summary>
            public sealed class Review{{i:000}}
            {
                public string Text { get; set; } = "";

                [ColumnName("Label")]
                public bool Positive { get; set; }
            }

            public sealed class ReviewPrediction{{i:000}}
            {
                [ColumnName("PredictedLabel")]
                public bool Positive { get; set; }

                public float Probability { get; set; }

                public float Score { get; set; }
            }

            public static class Pipeline{{i:000}}
            {
                private static readonly string[] Words = ["good", "bad", "great", "awful", "fine", "poor", "nice", "dull"];

                public static IEnumerable<Review{{i:000}}> Reviews(int count, int seed)
                {
                    var random = new Random(seed);
                    for (var n = 0; n < count; n++)
                    {
                        var words = Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)]).ToArray();
                        var score = words.Count(w => w is "good" or "great" or "fine" or "nice");
                        yield return new Review{{i:000}} { Text = string.Join(' ', words), Positive = score >= 3 };
                    }
                }

                public static (double Accuracy, double Auc) Train(int rows)
                {
                    var ml = new MLContext(seed: {{i}});
                    var data = ml.Data.LoadFromEnumerable(Reviews(rows, {{i}}));
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: {{i}});
                    var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(Review{{i:000}}.Text))
                        .Append({{trainer}});
                    var model = pipeline.Fit(split.TrainSet);
                    var predictions = model.Transform(split.TestSet);
                    var metrics = ml.BinaryClassification.EvaluateNonCalibrated(predictions);
                    return (metrics.Accuracy, metrics.AreaUnderRocCurve);
                }

                public static bool Classify(ITransformer model, string text)
                {
                    var ml = new MLContext(seed: {{i}});
                    var engine = ml.Model.CreatePredictionEngine<Review{{i:000}}, ReviewPrediction{{i:000}}>(model);
                    return engine.Predict(new Review{{i:000}} { Text = text }).Positive;
                }

                public static string Describe((double Accuracy, double Auc) result) =>
                    $"accuracy {result.Accuracy:P1}, AUC {result.Auc:F3}";
            }
            """;
    }

    private static string Regression(int i)
    {
        var trainer = (i / 10 % 2) == 0
            ? "ml.Regression.Trainers.Sdca(labelColumnName: \"Label\", featureColumnName: \"Features\", maximumNumberOfIterations: 20)"
            : "ml.Regression.Trainers.FastTree(labelColumnName: \"Label\", featureColumnName: \"Features\", numberOfTrees: 40)";
        return $$"""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace Synthetic.Module{{i:000}};

            /// <summary>Taxi fare from distance, time and passengers, regression.</summary>
            public sealed class Trip{{i:000}}
            {
                public float Distance { get; set; }

                public float Minutes { get; set; }

                public float Passengers { get; set; }

                public string Vendor { get; set; } = "";

                [ColumnName("Label")]
                public float Fare { get; set; }
            }

            public sealed class FarePrediction{{i:000}}
            {
                [ColumnName("Score")]
                public float Fare { get; set; }
            }

            public static class Pipeline{{i:000}}
            {
                public static IEnumerable<Trip{{i:000}}> Trips(int count)
                {
                    var random = new Random({{i}});
                    for (var n = 0; n < count; n++)
                    {
                        var distance = (float)(random.NextDouble() * 20);
                        var minutes = distance * 2.5f + (float)random.NextDouble() * 10;
                        yield return new Trip{{i:000}}
                        {
                            Distance = distance,
                            Minutes = minutes,
                            Passengers = random.Next(1, 5),
                            Vendor = n % 2 == 0 ? "CMT" : "VTS",
                            Fare = 2.5f + distance * 1.8f + minutes * 0.3f,
                        };
                    }
                }

                public static double Train(int rows)
                {
                    var ml = new MLContext(seed: {{i}});
                    var data = ml.Data.LoadFromEnumerable(Trips(rows));
                    var pipeline = ml.Transforms.Categorical.OneHotEncoding("VendorEncoded", nameof(Trip{{i:000}}.Vendor))
                        .Append(ml.Transforms.Concatenate("Features", "Distance", "Minutes", "Passengers", "VendorEncoded"))
                        .Append(ml.Transforms.NormalizeMinMax("Features"))
                        .Append({{trainer}});
                    var folds = ml.Regression.CrossValidate(data, pipeline, numberOfFolds: 3, labelColumnName: "Label");
                    var model = pipeline.Fit(data);
                    var metrics = ml.Regression.Evaluate(model.Transform(data));
                    return (metrics.RSquared + folds.Average(f => f.Metrics.RSquared)) / 2;
                }

                public static float Predict(ITransformer model, Trip{{i:000}} trip)
                {
                    var ml = new MLContext(seed: {{i}});
                    var engine = ml.Model.CreatePredictionEngine<Trip{{i:000}}, FarePrediction{{i:000}}>(model);
                    return engine.Predict(trip).Fare;
                }
            }
            """;
    }

    private static string Multiclass(int i) =>
        $$"""
        using Microsoft.ML;
        using Microsoft.ML.Data;

        namespace Synthetic.Module{{i:000}};

        /// <summary>Iris species from four measurements, multiclass classification.</summary>
        public sealed class Flower{{i:000}}
        {
            public float SepalLength { get; set; }

            public float SepalWidth { get; set; }

            public float PetalLength { get; set; }

            public float PetalWidth { get; set; }

            public string Label { get; set; } = "";
        }

        public sealed class FlowerPrediction{{i:000}}
        {
            public string PredictedLabel { get; set; } = "";

            public float[] Score { get; set; } = [];
        }

        public static class Pipeline{{i:000}}
        {
            private static readonly string[] Species = ["setosa", "versicolor", "virginica"];

            public static IEnumerable<Flower{{i:000}}> Flowers(int count)
            {
                var random = new Random({{i}});
                for (var n = 0; n < count; n++)
                {
                    var species = n % 3;
                    yield return new Flower{{i:000}}
                    {
                        SepalLength = 4.5f + species + (float)random.NextDouble(),
                        SepalWidth = 3f - species * 0.2f + (float)random.NextDouble() * 0.5f,
                        PetalLength = 1.5f + species * 2 + (float)random.NextDouble(),
                        PetalWidth = 0.2f + species * 0.8f + (float)random.NextDouble() * 0.3f,
                        Label = Species[species],
                    };
                }
            }

            public static (double MicroAccuracy, double LogLoss) Train(int rows)
            {
                var ml = new MLContext(seed: {{i}});
                var data = ml.Data.LoadFromEnumerable(Flowers(rows));
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: {{i}});
                var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 0.01f))
                    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
                var model = pipeline.Fit(split.TrainSet);
                var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
                return (metrics.MicroAccuracy, metrics.LogLoss);
            }

            public static string SpeciesOf(ITransformer model, Flower{{i:000}} flower)
            {
                var ml = new MLContext(seed: {{i}});
                var engine = ml.Model.CreatePredictionEngine<Flower{{i:000}}, FlowerPrediction{{i:000}}>(model);
                return engine.Predict(flower).PredictedLabel;
            }
        }
        """;

    private static string Attributed(int i) =>
        $$"""
        using Padre.Pads;
        using Padre.Pads.Hooks;

        namespace Synthetic.Module{{i:000}};

        /// <summary>A hand-written model tracked through Padre's attributes (no ML.NET).</summary>
        public static class Experiment{{i:000}}
        {
            private static readonly (double X, double Y)[] Points =
                [.. Enumerable.Range(0, 40).Select(n => (n / 10.0, {{i % 7 + 1}} * (n / 10.0) + 1))];

            [PadreExperiment("synthetic-{{i:000}}", Project = "Synthetic")]
            public static int Run(int epochs)
            {
                double w = 0, b = 0;
                for (var epoch = 0; epoch < epochs; epoch++)
                {
                    var (gw, gb) = Gradient(w, b);
                    w -= 0.05 * gw;
                    b -= 0.05 * gb;
                    Tracker.LogMetric("train_loss", Loss(w, b), step: epoch);
                }

                Tracker.LogParam("model", "linear-{{i:000}}");
                return Predict(w, b, 1.0) > 0 ? 0 : 1;
            }

            [Track(Hook.Metric)]
            public static double Loss(double w, double b) => Points.Average(p => Math.Pow(w * p.X + b - p.Y, 2));

            [Track(Hook.Predict)]
            public static double Predict(double w, double b, double x) => w * x + b;

            private static (double Gw, double Gb) Gradient(double w, double b)
            {
                double gw = 0, gb = 0;
                foreach (var (x, y) in Points)
                {
                    var error = w * x + b - y;
                    gw += 2 * error * x / Points.Length;
                    gb += 2 * error / Points.Length;
                }

                return (gw, gb);
            }
        }
        """;

    private static string Orders(int i) =>
        $$"""
        namespace Synthetic.Module{{i:000}};

        public enum OrderState{{i:000}}
        {
            Open,
            Paid,
            Shipped,
            Cancelled,
        }

        public sealed record OrderLine{{i:000}}(string Sku, int Quantity, decimal UnitPrice)
        {
            public decimal Total => Quantity * UnitPrice;
        }

        public sealed record Order{{i:000}}(Guid Id, string Customer, DateOnly Date, OrderState{{i:000}} State, IReadOnlyList<OrderLine{{i:000}}> Lines)
        {
            public decimal Total => Lines.Sum(l => l.Total);
        }

        /// <summary>Order statistics for the monthly report.</summary>
        public sealed class OrderBook{{i:000}}
        {
            private readonly List<Order{{i:000}}> _orders = [];

            public int Count => _orders.Count;

            public void Add(Order{{i:000}} order)
            {
                ArgumentNullException.ThrowIfNull(order);
                if (order.Lines.Count == 0)
                {
                    throw new ArgumentException("An order needs at least one line.", nameof(order));
                }

                _orders.Add(order);
            }

            public IReadOnlyDictionary<string, decimal> RevenueByCustomer() =>
                _orders.Where(o => o.State is OrderState{{i:000}}.Paid or OrderState{{i:000}}.Shipped)
                    .GroupBy(o => o.Customer)
                    .ToDictionary(g => g.Key, g => g.Sum(o => o.Total));

            public IEnumerable<(int Month, decimal Revenue, int Orders)> Monthly(int year) =>
                from o in _orders
                where o.Date.Year == year && o.State != OrderState{{i:000}}.Cancelled
                group o by o.Date.Month into g
                orderby g.Key
                select (g.Key, g.Sum(o => o.Total), g.Count());

            public string Label(Order{{i:000}} order) => order.State switch
            {
                OrderState{{i:000}}.Open => $"open since {order.Date:yyyy-MM-dd}",
                OrderState{{i:000}}.Paid => $"paid {order.Total:N2}",
                OrderState{{i:000}}.Shipped => "shipped",
                OrderState{{i:000}}.Cancelled => "cancelled",
                _ => throw new ArgumentOutOfRangeException(nameof(order)),
            };

            public Order{{i:000}}? Largest() => _orders.MaxBy(o => o.Total);

            public static OrderBook{{i:000}} Sample(int count)
            {
                var book = new OrderBook{{i:000}}();
                var random = new Random({{i}});
                for (var n = 0; n < count; n++)
                {
                    var lines = Enumerable.Range(0, random.Next(1, 5))
                        .Select(k => new OrderLine{{i:000}}($"SKU-{k:000}", random.Next(1, 10), random.Next(100, 10000) / 100m))
                        .ToList();
                    book.Add(new Order{{i:000}}(Guid.NewGuid(), $"customer-{n % 17}", new DateOnly(2026, 1 + n % 12, 1 + n % 28), (OrderState{{i:000}})(n % 4), lines));
                }

                return book;
            }
        }
        """;

    private static string TextReport(int i) =>
        $$"""
        using System.Globalization;
        using System.Text;

        namespace Synthetic.Module{{i:000}};

        /// <summary>Parses "key=value" log lines and writes a fixed-width report.</summary>
        public static class LogReport{{i:000}}
        {
            public static Dictionary<string, string> ParseLine(ReadOnlySpan<char> line)
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                while (!line.IsEmpty)
                {
                    var space = line.IndexOf(' ');
                    var token = space < 0 ? line : line[..space];
                    var equals = token.IndexOf('=');
                    if (equals > 0)
                    {
                        fields[token[..equals].ToString()] = token[(equals + 1)..].ToString();
                    }

                    line = space < 0 ? [] : line[(space + 1)..];
                }

                return fields;
            }

            public static string Render(IEnumerable<string> lines, int width = {{60 + i % 20}})
            {
                var builder = new StringBuilder();
                var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
                var durations = new List<double>();
                foreach (var line in lines)
                {
                    var fields = ParseLine(line);
                    if (fields.TryGetValue("level", out var level))
                    {
                        counts[level] = counts.GetValueOrDefault(level) + 1;
                    }

                    if (fields.TryGetValue("ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        durations.Add(value);
                    }
                }

                builder.AppendLine(new string('=', width));
                foreach (var (level, count) in counts)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"{level,-12}{count,10}").AppendLine();
                }

                if (durations.Count > 0)
                {
                    durations.Sort();
                    builder.Append(CultureInfo.InvariantCulture, $"p50 {durations[durations.Count / 2]:F1} ms, p95 {durations[(int)(durations.Count * 0.95)]:F1} ms").AppendLine();
                }

                builder.AppendLine(new string('=', width));
                return builder.ToString();
            }
        }
        """;

    private static string Inventory(int i) =>
        $$"""
        using System.Collections.Concurrent;

        namespace Synthetic.Module{{i:000}};

        public interface IStockSource{{i:000}}
        {
            Task<int> CountAsync(string sku, CancellationToken cancellationToken);
        }

        /// <summary>Caches stock counts from a slow source; refreshes entries older than the time to live.</summary>
        public sealed class StockCache{{i:000}}(IStockSource{{i:000}} source, TimeSpan timeToLive)
        {
            private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset At)> _entries = new(StringComparer.OrdinalIgnoreCase);

            public async Task<int> CountAsync(string sku, CancellationToken cancellationToken = default)
            {
                if (_entries.TryGetValue(sku, out var entry) && DateTimeOffset.UtcNow - entry.At < timeToLive)
                {
                    return entry.Count;
                }

                var count = await source.CountAsync(sku, cancellationToken).ConfigureAwait(false);
                _entries[sku] = (count, DateTimeOffset.UtcNow);
                return count;
            }

            public async Task<IReadOnlyList<string>> LowStockAsync(IEnumerable<string> skus, int threshold, CancellationToken cancellationToken = default)
            {
                var low = new List<string>();
                foreach (var sku in skus)
                {
                    if (await CountAsync(sku, cancellationToken).ConfigureAwait(false) < threshold)
                    {
                        low.Add(sku);
                    }
                }

                return low;
            }

            public int Evict()
            {
                var now = DateTimeOffset.UtcNow;
                var evicted = 0;
                foreach (var (sku, entry) in _entries)
                {
                    if (now - entry.At >= timeToLive && _entries.TryRemove(sku, out _))
                    {
                        evicted++;
                    }
                }

                return evicted;
            }
        }

        public sealed class FixedStock{{i:000}} : IStockSource{{i:000}}
        {
            public Task<int> CountAsync(string sku, CancellationToken cancellationToken) =>
                Task.FromResult(Math.Abs(sku.GetHashCode(StringComparison.Ordinal)) % {{50 + i}});
        }
        """;

    /// <summary>A one-line edit of a file (the incremental legs): a comment line is appended, as an editor save would.</summary>
    public static string Edited(string text, int generation) =>
        text + string.Format(CultureInfo.InvariantCulture, "{0}// edit {1}{0}", Environment.NewLine, generation);
}

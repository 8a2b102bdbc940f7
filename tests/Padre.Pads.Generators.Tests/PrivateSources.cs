namespace Padre.Pads.Generators.Tests;

/// <summary>Programs whose tracked targets are private or protected, reached through UnsafeAccessor.</summary>
internal static class PrivateSources
{
    /// <summary>DESIGN.md's own shape: private experiment, dataset and fit methods, and metric-returning methods.</summary>
    public const string Experiment = """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.ML;
        using Padre.Pads;
        using Padre.Pads.Hooks;

        public sealed class Sample
        {
            public float X { get; set; }
            public float Value { get; set; }
        }

        public sealed record Scores(double Mae, float R2, string Note);

        public readonly record struct Quality(double Precision, long Support);

        public sealed class Trainer(MLContext ml)
        {
            public ITransformer Fit(IDataView data, int epochs) => FitCore(data, epochs);

            [Track(Hook.Fit)]
            private ITransformer FitCore(IDataView data, int epochs) =>
                ml.Transforms.Concatenate("Features", "X").Append(ml.Regression.Trainers.Sdca(labelColumnName: "Value", maximumNumberOfIterations: epochs)).Fit(data);
        }

        class Program
        {
            [PadreDataset("private-points", Target = "Value")]
            private static IDataView Points(MLContext ml) =>
                ml.Data.LoadFromEnumerable(Enumerable.Range(0, 40).Select(i => new Sample { X = i % 10, Value = 2 * (i % 10) }).ToList());

            [PadreExperiment("private-train", Project = "Private")]
            private static double Train(MLContext ml, int epochs)
            {
                var data = Points(ml);
                new Trainer(ml).Fit(data, epochs);
                var errors = Errors();
                var scores = Evaluate();
                var quality = Check();
                var loss = LossAsync().GetAwaiter().GetResult();
                return loss + quality.Precision + Accuracy(3) + errors.Count + scores.Mae + (Maybe(true) ?? 0) + (Maybe(false) ?? 0);
            }

            [Track(Hook.Metric)]
            private static double Accuracy(double x) => x / 4;

            [Track(Hook.Metric)]
            private static (double Rmse, int Count) Errors() => (0.5, 7);

            [Track(Hook.Metric)]
            private static Scores Evaluate() => new(0.25, 0.75f, "ok");

            [Track(Hook.Metric)]
            private static int? Maybe(bool some) => some ? 4 : null;

            [Track(Hook.Metric)]
            private static Quality Check() => new(0.9, 3);

            [Track(Hook.Metric)]
            private static async Task<double> LossAsync()
            {
                await Task.Yield();
                return 0.125;
            }

            [Track(Hook.Metric)]
            private static async Task<double> BrokenAsync()
            {
                await Task.Yield();
                throw new System.InvalidOperationException("late");
            }

            public static double Run(MLContext ml, int epochs) => Train(ml, epochs);

            public static string Broken()
            {
                try
                {
                    return BrokenAsync().GetAwaiter().GetResult().ToString();
                }
                catch (System.InvalidOperationException e)
                {
                    return e.Message;
                }
            }
        }
        """;

    /// <summary>Every call shape a private or protected target can have.</summary>
    public const string Shapes = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Padre.Pads;
        using Padre.Pads.Hooks;

        public class Shapes
        {
            private readonly int _seed = 10;

            [Track(Hook.Log)]
            private int Add(int x, int y = 5) => _seed + x + y;

            [Track(Hook.Log)]
            private static void Bump(ref int value, out string text, in double scale)
            {
                value += (int)scale;
                text = "t" + value;
            }

            [Track(Hook.Log)]
            private static int Sum(params int[] values)
            {
                var sum = 0;
                foreach (var v in values)
                {
                    sum += v;
                }

                return sum;
            }

            [Track(Hook.Log)]
            private static string Pick(int x) => "int" + x;

            [Track(Hook.Log)]
            private static string Pick(string x) => "string" + x;

            [Track(Hook.Log)]
            private static T First<T>(IReadOnlyList<T> items) where T : class => items[0];

            [Track(Hook.Log)]
            private async Task<int> LaterAsync(int x)
            {
                await Task.Yield();
                return x * _seed;
            }

            public static string Run()
            {
                var shapes = new Shapes();
                var value = 1;
                Bump(ref value, out var text, 2.0);
                var later = shapes.LaterAsync(2).GetAwaiter().GetResult();
                return string.Join(",", shapes.Add(1), value, text, Sum(1, 2, 3), Pick(4), Pick("s"), First(new[] { "a", "b" }), later,
                    new Box<string>("boxed").Peek(), Derived.Go(), Tools.Call(21), Outer.Call(), Counter.Run(),
                    Tools.Thrice(5), new Derived().Describe());
            }
        }

        public class Box<T>(T value)
        {
            [Track(Hook.Log)]
            private T Get() => value;

            public T Peek() => Get();
        }

        public class Base
        {
            [Track(Hook.Log)]
            protected string Name() => "base";

            [Track(Hook.Log)]
            protected virtual string Kind() => "base";

            // The accessor must keep virtual dispatch: a Derived receiver runs Derived.Kind.
            public string Describe() => Kind();
        }

        public class Derived : Base
        {
            public static string Go() => new Derived().Name();

            protected override string Kind() => "derived";
        }

        public static class Tools
        {
            [Track(Hook.Log)]
            private static int Twice(int x) => 2 * x;

            public static int Call(int x) => Twice(x);

            [Track(Hook.Log)]
            private static int Times(this int x, int by) => x * by;

            public static int Thrice(int x) => x.Times(3);
        }

        public struct Counter
        {
            private int _count;

            [Track(Hook.Log)]
            private int Increment(int by) => _count += by;

            [Track(Hook.Log)]
            public int Add(int by) => _count += by;

            [Track(Hook.Log)]
            private readonly int Peek() => _count;

            [Track(Hook.Log)]
            private static int Scale(int x) => 3 * x;

            // The receiver is passed by reference: both increments must land in the same local.
            public static string Run()
            {
                var counter = new Counter();
                counter.Increment(2);
                counter.Add(3);
                return counter.Peek() + "/" + Scale(2);
            }
        }

        public static class Outer
        {
            private static class Hidden
            {
                [Track(Hook.Log)]
                internal static string Secret(int x) => "secret" + x;
            }

            public static string Call() => Hidden.Secret(7);
        }
        """;

    /// <summary>Shapes that are easy to get wrong: abstract targets, generic structs, ref structs, spans, nullable defaults.</summary>
    public const string Edges = """
        using System;
        using Padre.Pads;
        using Padre.Pads.Hooks;

        public abstract class Model
        {
            [Track(Hook.Log)]
            protected abstract int Step(int x);

            public int Run(int x) => Step(x);
        }

        public sealed class Linear : Model
        {
            protected override int Step(int x) => x + 1;
        }

        public struct Pair<T>
            where T : struct
        {
            public T First;

            [Track(Hook.Log)]
            private readonly T Get() => First;

            public static T Of(T value)
            {
                var pair = new Pair<T> { First = value };
                return pair.Get();
            }
        }

        public ref struct Cursor
        {
            private int _at;

            [Track(Hook.Log)]
            private int Next() => ++_at;

            public static int Twice()
            {
                var cursor = new Cursor();
                cursor.Next();
                return cursor.Next();
            }
        }

        public static class Spans
        {
            [Track(Hook.Log)]
            private static int Count(ReadOnlySpan<int> values) => values.Length;

            [Track(Hook.Log)]
            public static Span<int> Slice(int[] values) => values.AsSpan(1);

            [Track(Hook.Log)]
            private static string? Maybe(string? text = null) => text;

            public static string Run() => Count([1, 2, 3]) + "/" + Slice([1, 2, 3]).Length + "/" + (Maybe() ?? "null");
        }

        public static class Edge
        {
            public static string Run() => string.Join(",", new Linear().Run(1), Pair<int>.Of(5), Cursor.Twice(), Spans.Run(), Lib.Deep.Helpers.Call());
        }

        namespace Lib.Deep
        {
            public static class Helpers
            {
                private static class Inner
                {
                    [Track(Hook.Log)]
                    internal static int Nine() => 9;
                }

                public static int Call() => Inner.Nine();
            }
        }
        """;
}

using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Padre.Pads;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Benchmarks.Interception;

/// <summary>
/// The cost an interceptor adds: with tracking off (one static read) and for a predict-hooked call with tracking on
/// (count + time aggregated per site, no allocation). Each invocation makes <see cref="Calls"/> dependent calls
/// (every result feeds the next), so a call's own cost is not hidden by the CPU overlapping independent calls and
/// the figures are per call.
/// </summary>
[MemoryDiagnoser]
public class InterceptionBenchmarks
{
    private const int Calls = 1024;

    private float _x = 1.5f;

    [GlobalSetup(Targets = [nameof(Predict_intercepted_tracking_on)])]
    public void TrackingOn() => Hooks.Interception.Attach(new NullHost());

    [GlobalSetup(Targets = [nameof(Direct), nameof(Intercepted_tracking_off)])]
    public void TrackingOff() => Hooks.Interception.Attach(null);

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public float Direct()
    {
        var x = _x;
        for (var i = 0; i < Calls; i++)
        {
            x = Model.PredictUntracked(x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public float Intercepted_tracking_off()
    {
        var x = _x;
        for (var i = 0; i < Calls; i++)
        {
            x = Model.Predict(x);
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public float Predict_intercepted_tracking_on()
    {
        var x = _x;
        for (var i = 0; i < Calls; i++)
        {
            x = Model.Predict(x);
        }

        return x;
    }

    private sealed class NullHost : IHookHost
    {
        public bool IsEnabled => true;

        public IRunWriter? ActiveOrAutoStartedRun() => null;

        public IRunScope StartRun(string runName, string? experimentName) => throw new NotSupportedException();

        public void ReportTrackingError(string message, Exception exception)
        {
        }
    }
}

public static class Model
{
    [Track(Hook.Predict)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float Predict(float x) => (x * 0.75f) + 0.25f;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float PredictUntracked(float x) => (x * 0.75f) + 0.25f;
}

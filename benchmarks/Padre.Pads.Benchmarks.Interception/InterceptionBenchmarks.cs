using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Padre.Pads;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Benchmarks.Interception;

/// <summary>
/// The cost an interceptor adds: with tracking off (one static read) and for a predict-hooked call with tracking on
/// (count + time aggregated per site, no allocation).
/// </summary>
[MemoryDiagnoser]
public class InterceptionBenchmarks
{
    private float _x = 1.5f;

    [GlobalSetup(Targets = [nameof(Predict_intercepted_tracking_on)])]
    public void TrackingOn() => Hooks.Interception.Attach(new NullHost());

    [GlobalSetup(Targets = [nameof(Direct), nameof(Intercepted_tracking_off)])]
    public void TrackingOff() => Hooks.Interception.Attach(null);

    [Benchmark(Baseline = true)]
    public float Direct() => Model.PredictUntracked(_x);

    [Benchmark]
    public float Intercepted_tracking_off() => Model.Predict(_x);

    [Benchmark]
    public float Predict_intercepted_tracking_on() => Model.Predict(_x);

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

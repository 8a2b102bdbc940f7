using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Logs what a call cost: <c>timing.Step</c> (wall seconds), <c>timing.Step.cpu_seconds</c> (CPU time of the whole
/// process during the call; above the wall time when a trainer uses several cores) and
/// <c>timing.Step.allocated_bytes</c> (managed allocations during the call).
/// </summary>
internal sealed class TimingLogger : IEventLogger
{
    public string Name => "timing";

    public HookEvents Events => HookEvents.Timing;

    public void OnCall(HookCall call, IRunWriter run)
    {
        var key = Keys.Timing(call.Site);
        run.LogMetric(key, call.Elapsed.TotalSeconds);
        run.LogMetric(key + ".cpu_seconds", call.CpuTime.TotalSeconds);
        run.LogMetric(key + ".allocated_bytes", call.AllocatedBytes);
    }
}

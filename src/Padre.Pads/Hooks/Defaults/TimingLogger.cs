using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>Logs how long a call took as the metric <c>timing.Step</c> (seconds).</summary>
internal sealed class TimingLogger : IEventLogger
{
    public string Name => "timing";

    public HookEvents Events => HookEvents.Timing;

    public void OnCall(HookCall call, IRunWriter run) =>
        run.LogMetric(Keys.Timing(call.Site), call.Elapsed.TotalSeconds);
}

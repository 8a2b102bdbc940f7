using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Records what a call returned: a simple value as the parameter <c>Step.result</c>, anything else by its
/// type in the tag <c>padre.output.Step</c>. Padre.Pads.MLNet replaces it (name <c>output</c>) to save models.
/// </summary>
internal sealed class OutputLogger : IEventLogger
{
    public string Name => "output";

    public HookEvents Events => HookEvents.Output;

    public void OnCall(HookCall call, IRunWriter run)
    {
        if (call.Result is null)
        {
            return;
        }

        if (ValueText.TryFormat(call.Result, out var text))
        {
            run.LogParam(Keys.Parameter(call.Site, "result"), text);
        }
        else
        {
            run.SetTag("padre.output." + call.Site.Step, call.Result.GetType().Name);
        }
    }
}

using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Logs every simple argument as a parameter (<c>Step.name</c>), defaults the caller did not write included,
/// and lists the defaulted ones in a <c>padre.defaults.Step</c> tag so written and default values stay apart.
/// </summary>
internal sealed class ParametersLogger : IEventLogger
{
    private readonly StepNames steps = new();

    public string Name => "parameters";

    public HookEvents Events => HookEvents.Parameters;

    public void OnCall(HookCall call, IRunWriter run)
    {
        var site = call.Site;
        var step = steps.For(run.RunId, site);
        List<string>? defaulted = null;
        for (var i = 0; i < site.Parameters.Count && i < call.Arguments.Count; i++)
        {
            var parameter = site.Parameters[i];
            if (parameter.Role is ArgumentRole.Input or ArgumentRole.Model or ArgumentRole.Options or ArgumentRole.Ignore)
            {
                continue;
            }

            // An Options object the caller did not pass leaves its members null: nothing to record.
            if (parameter.Role == ArgumentRole.Option && !parameter.Written)
            {
                continue;
            }

            if (!ValueText.TryFormat(call.Arguments[i], out var text))
            {
                continue;
            }

            run.LogParam(Keys.Parameter(site, step, parameter.Name), text);
            if (!parameter.Written)
            {
                (defaulted ??= []).Add(parameter.Name);
            }
        }

        if (defaulted is not null)
        {
            run.SetTag("padre.defaults." + step, string.Join(",", defaulted));
        }
    }
}

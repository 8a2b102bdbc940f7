namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Names the call sites of one step within a run: the first site keeps the step's name (<c>OneHotEncoding</c>), later
/// distinct sites get <c>OneHotEncoding.2</c>, <c>.3</c>, ... so two encoders in one pipeline each keep their
/// arguments instead of colliding on MLflow's immutable params.
/// </summary>
internal sealed class StepNames
{
    private readonly object gate = new();
    private readonly Dictionary<(string Run, InterceptionSite Site), string> names = [];
    private readonly Dictionary<(string Run, string Step), int> counts = [];

    public string For(string runId, InterceptionSite site)
    {
        lock (gate)
        {
            if (names.TryGetValue((runId, site), out var name))
            {
                return name;
            }

            var count = counts.TryGetValue((runId, site.Step), out var seen) ? seen + 1 : 1;
            counts[(runId, site.Step)] = count;
            name = count == 1 ? site.Step : $"{site.Step}.{count}";
            names[(runId, site)] = name;
            return name;
        }
    }
}

namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Names the call sites of one step within a run: the first site keeps the step's name (<c>OneHotEncoding</c>), later
/// distinct sites get <c>OneHotEncoding.2</c>, <c>.3</c>, ... so two encoders in one pipeline each keep their
/// arguments instead of colliding on MLflow's immutable params.
/// </summary>
internal sealed class StepNames
{
    private readonly object gate = new();

    // Keyed by reference types only: dictionaries over value-tuple keys are JIT-compiled on the program's thread at its
    // first hooked calls, where these run the framework's precompiled shared code.
    private readonly Dictionary<string, RunSteps> runs = new(StringComparer.Ordinal);

    public string For(string runId, InterceptionSite site)
    {
        lock (gate)
        {
            if (!runs.TryGetValue(runId, out var steps))
            {
                steps = new RunSteps();
                runs.Add(runId, steps);
            }

            if (steps.Names.TryGetValue(site, out var name))
            {
                return name;
            }

            var count = steps.Counts.TryGetValue(site.Step, out var seen) ? seen + 1 : 1;
            steps.Counts[site.Step] = count;
            name = count == 1 ? site.Step : $"{site.Step}.{count}";
            steps.Names.Add(site, name);
            return name;
        }
    }

    private sealed class RunSteps
    {
        public Dictionary<InterceptionSite, string> Names { get; } = [];

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
    }
}

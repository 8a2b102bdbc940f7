using System.Collections.Generic;
using System.Linq;
using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Discovery;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Mapping;

/// <summary>
/// The rules that apply to this compilation (library versions checked) and the mapping diagnostics;
/// matches call sites against the rules.
/// </summary>
internal sealed record MappingIndex(EquatableArray<MappingRule> Rules, EquatableArray<DiagnosticInfo> Diagnostics)
{
    private Dictionary<string, List<MappingRule>>? _byType;

    /// <summary>The union of every rule matching <paramref name="call"/>, or null when none does.</summary>
    public MatchedRule? Match(CallSite call)
    {
        _byType ??= Rules.GroupBy(r => r.TypeName).ToDictionary(g => g.Key, g => g.ToList());
        var hooks = HookSet.None;
        string? step = null;
        var data = new List<DataRole>();
        var guards = new List<MetricGuard>();
        foreach (var typeName in call.TypeNames)
        {
            if (!_byType.TryGetValue(typeName, out var rules))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                if (rule.Methods.Any(m => m.Matches(call.MethodName)))
                {
                    hooks |= rule.Hooks;
                    step ??= rule.Step;
                    data.AddRange(rule.Data.Where(d => data.All(x => x.Parameter != d.Parameter)));
                    guards.AddRange(rule.MetricGuards.Where(g => guards.All(x => x.Member != g.Member)));
                }
            }
        }

        return hooks == HookSet.None ? null : new MatchedRule(hooks, step, data.ToEquatableArray(), guards.ToEquatableArray());
    }

    public bool Equals(MappingIndex? other) =>
        other is not null && Rules.Equals(other.Rules) && Diagnostics.Equals(other.Diagnostics);

    public override int GetHashCode() => Rules.GetHashCode() ^ Diagnostics.GetHashCode();
}

/// <summary>What the mapping says about one call.</summary>
internal sealed record MatchedRule(HookSet Hooks, string? Step, EquatableArray<DataRole> Data, EquatableArray<MetricGuard> MetricGuards);

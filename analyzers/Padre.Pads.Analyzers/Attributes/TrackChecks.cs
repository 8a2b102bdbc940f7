using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Analyzers.Attributes;

/// <summary>PADRE028 and PADRE029 for <c>[Track]</c>: hooks are flags, so a repeat is a flag seen twice.</summary>
internal static class TrackChecks
{
    public static void Check(IMethodSymbol method, AttributeData attribute, Action<Diagnostic> report)
    {
        var location = SymbolFacts.AttributeLocation(attribute, method);
        var hooks = AttributeArguments.Hooks(attribute);
        long seen = 0;
        foreach (var hook in hooks)
        {
            var value = AttributeArguments.ToLong(hook.Value) ?? 0;
            var repeated = seen & value;
            if (repeated != 0)
            {
                var name = AttributeArguments.HookNames(hook.Type, repeated).FirstOrDefault() ?? repeated.ToString(System.Globalization.CultureInfo.InvariantCulture);
                report(Diagnostic.Create(Descriptors.TrackDuplicateHook, location, method.Name, name));
            }

            seen |= value;
        }

        if (seen == 0)
        {
            report(Diagnostic.Create(Descriptors.TrackWithoutHooks, location, method.Name));
        }
    }
}

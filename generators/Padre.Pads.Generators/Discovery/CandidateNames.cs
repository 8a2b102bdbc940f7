using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Mapping;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// Every simple name a tracked call can have: literal method names of the mapping rules, the names the rules'
/// <c>/regex/</c> patterns select among the members and extension methods of their types, and the names of methods
/// carrying a Padre attribute (here or in a referenced assembly that references Padre.Pads). A call with any other
/// name is never tracked, so it is never bound: that syntactic test is what keeps discovery cheap.
/// </summary>
internal sealed record CandidateNames(EquatableArray<string> Names)
{
    private const string RuntimeAssembly = "Padre.Pads";

    private HashSet<string>? _set;

    public bool Contains(string name) => (_set ??= new HashSet<string>(Names, StringComparer.Ordinal)).Contains(name);

    public bool Equals(CandidateNames? other) => other is not null && Names.Equals(other.Names);

    public override int GetHashCode() => Names.GetHashCode();

    public static CandidateNames Resolve(MappingIndex index, EquatableArray<string> attributedHere, Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(attributedHere, StringComparer.Ordinal);
        var patterns = new List<(INamedTypeSymbol Type, MethodPattern Pattern)>();
        foreach (var rule in index.Rules)
        {
            foreach (var pattern in rule.Methods)
            {
                if (!pattern.IsRegex)
                {
                    names.Add(pattern.Text);
                }
                else if (compilation.GetTypeByMetadataName(rule.TypeName) is { } type)
                {
                    patterns.Add((type, pattern));
                }
            }
        }

        foreach (var (type, pattern) in patterns)
        {
            // Members of the type and of what it derives from: instance and static calls, and extension methods
            // declared in a mapped static class.
            foreach (var ancestor in Ancestors(type))
            {
                AddMatching(ancestor, pattern, names);
            }
        }

        // Only classes and interfaces others may derive from can have derived types whose members the rule selects.
        var derivable = patterns.Where(p => !p.Type.IsSealed && !p.Type.IsStatic && p.Type.TypeKind is TypeKind.Class or TypeKind.Interface).ToList();

        // One walk over each assembly whose types can extend or derive from a mapped type, or carry a Padre attribute.
        // The assemblies are walked in parallel (the compilation answers from any thread; the generator runs on one
        // thread of the compiler, so the others are idle meanwhile), each into a set of its own, and the sets joined.
        var mappedAssemblies = new HashSet<string>(patterns.Select(p => p.Type.ContainingAssembly?.Name ?? string.Empty), StringComparer.Ordinal);
        var walks = new List<IAssemblySymbol>();
        var scans = new List<Scan>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols.Append(compilation.Assembly))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var references = References(assembly);
            var extendsMapped = patterns.Count > 0 && (mappedAssemblies.Contains(assembly.Name) || references.Overlaps(mappedAssemblies));
            var attributed = !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly) && references.Contains(RuntimeAssembly);
            if (extendsMapped || attributed)
            {
                var internals = SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly) || assembly.GivesAccessTo(compilation.Assembly);
                walks.Add(assembly);
                scans.Add(extendsMapped ? new Scan(patterns, derivable, attributed, internals) : new Scan([], [], attributed, internals));
            }
        }

        var found = new HashSet<string>[walks.Count];
        ParallelWork.For(walks.Count, cancellationToken, i =>
        {
            found[i] = new HashSet<string>(names, StringComparer.Ordinal);
            Walk(walks[i].GlobalNamespace, scans[i], found[i], cancellationToken);
        });
        foreach (var set in found)
        {
            names.UnionWith(set);
        }

        return new CandidateNames(names.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
    }

    private static HashSet<string> References(IAssemblySymbol assembly)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                names.Add(identity.Name);
            }
        }

        return names;
    }

    private static void Walk(INamespaceSymbol ns, Scan scan, HashSet<string> names, CancellationToken cancellationToken)
    {
        foreach (var inner in ns.GetNamespaceMembers())
        {
            Walk(inner, scan, names, cancellationToken);
        }

        foreach (var type in ns.GetTypeMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Visit(type, scan, names);
        }
    }

    private static void Visit(INamedTypeSymbol type, Scan scan, HashSet<string> names)
    {
        if (!scan.Internals && type.DeclaredAccessibility != Accessibility.Public)
        {
            return;
        }

        if (type.IsStatic && type.MightContainExtensionMethods && scan.Patterns.Count > 0)
        {
            // Extension methods whose receiver is a mapped type or derives from it.
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } method && !names.Contains(method.Name))
                {
                    var receiver = Ancestors(method.Parameters[0].Type).ToList();
                    if (scan.Patterns.Any(p => p.Pattern.Matches(method.Name) && receiver.Any(t => SymbolEqualityComparer.Default.Equals(t, p.Type))))
                    {
                        names.Add(method.Name);
                    }
                }
            }
        }
        else if (scan.Derivable.Count > 0)
        {
            // Members of types deriving from a mapped type that others can derive from.
            var ancestors = Ancestors(type).Skip(1).ToList();
            foreach (var (mapped, pattern) in scan.Derivable)
            {
                if (ancestors.Any(t => SymbolEqualityComparer.Default.Equals(t, mapped)))
                {
                    AddMatching(type, pattern, names);
                }
            }
        }

        if (scan.Attributed)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && method.GetAttributes().Any(IsPadreAttribute))
                {
                    names.Add(method.Name);
                }
            }
        }

        // Extension methods are declared in top-level classes only: nested types matter to the other two scans alone.
        if (scan.Derivable.Count > 0 || scan.Attributed)
        {
            foreach (var nested in type.GetTypeMembers())
            {
                Visit(nested, scan, names);
            }
        }
    }

    /// <summary>What to look for in one assembly.</summary>
    private sealed record Scan(
        List<(INamedTypeSymbol Type, MethodPattern Pattern)> Patterns,
        List<(INamedTypeSymbol Type, MethodPattern Pattern)> Derivable,
        bool Attributed,
        bool Internals);

    private static bool IsPadreAttribute(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() is CallDiscovery.TrackAttribute or CallDiscovery.ExperimentAttribute or CallDiscovery.DatasetAttribute;

    private static void AddMatching(INamedTypeSymbol type, MethodPattern pattern, HashSet<string> names)
    {
        // A call bound to a method of System.* is never tracked unless the method carries a Padre attribute (whose name
        // the attributed scans add), so System.Object's members, ancestors of every mapped class, select no call: without
        // this, every x.ToString() and x.GetHashCode() of the project would be bound.
        if (SymbolNames.IsInSystemNamespace(type))
        {
            return;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && pattern.Matches(method.Name))
            {
                names.Add(method.Name);
            }
        }
    }

    /// <summary>The type's original definition, its base types and its interfaces (as the mapping's matching sees them).</summary>
    private static IEnumerable<INamedTypeSymbol> Ancestors(ITypeSymbol type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            yield return t.OriginalDefinition;
        }

        foreach (var i in type.AllInterfaces)
        {
            yield return i.OriginalDefinition;
        }
    }
}

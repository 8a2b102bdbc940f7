using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Mapping;

/// <summary>
/// Checks mapping files against the compilation: library version ranges, and (for users' files) that every
/// named type and method exists. Built-in files name optional libraries (FastTree, LightGbm), so their
/// unknown types are silently inactive.
/// </summary>
internal static class MappingResolver
{
    public static MappingIndex Resolve(ImmutableArray<MappingFile> files, Compilation compilation)
    {
        var rules = new List<MappingRule>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var file in files.OrderBy(f => f.BuiltIn ? 0 : 1).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            diagnostics.AddRange(file.Diagnostics);
            if (file.LibraryName is { } library && file.Versions is { } range
                && ReferencedVersion(compilation, library) is { } version && !range.Contains(version))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.VersionExcluded, file.VersionsLocation, System.IO.Path.GetFileName(file.Path), library, range.Text, version.ToString()));
                continue;
            }

            foreach (var rule in file.Rules)
            {
                if (!file.BuiltIn && Check(rule, compilation) is { } problem)
                {
                    diagnostics.Add(problem);
                }

                rules.Add(rule);
            }
        }

        return new MappingIndex(rules.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static DiagnosticInfo? Check(MappingRule rule, Compilation compilation)
    {
        var type = compilation.GetTypeByMetadataName(rule.TypeName);
        if (type is null)
        {
            return DiagnosticInfo.Create(Descriptors.UnknownType, rule.Location, rule.TypeName);
        }

        var names = new HashSet<string>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            names.UnionWith(t.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name));
        }

        foreach (var i in type.AllInterfaces)
        {
            names.UnionWith(i.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name));
        }

        if (type.ContainingNamespace is { } ns && compilation.GetCompilationNamespace(ns) is { } merged)
        {
            foreach (var holder in merged.GetTypeMembers().Where(t => t.IsStatic))
            {
                names.UnionWith(holder.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsExtensionMethod).Select(m => m.Name));
            }
        }

        foreach (var pattern in rule.Methods)
        {
            if (!names.Any(pattern.Matches))
            {
                return DiagnosticInfo.Create(Descriptors.UnknownMethod, rule.Location, rule.TypeName, pattern.Text);
            }
        }

        return null;
    }

    /// <summary>The referenced assembly's product version (informational version, else file/assembly version).</summary>
    private static Version? ReferencedVersion(Compilation compilation, string assemblyName)
    {
        var assembly = compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.Name == assemblyName);
        if (assembly is null)
        {
            return null;
        }

        foreach (var name in new[] { "System.Reflection.AssemblyInformationalVersionAttribute", "System.Reflection.AssemblyFileVersionAttribute" })
        {
            var attribute = assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == name);
            if (attribute?.ConstructorArguments.FirstOrDefault().Value is string text && VersionRange.TryParseVersion(text, out var v) && v is not null)
            {
                return v;
            }
        }

        return assembly.Identity.Version;
    }
}

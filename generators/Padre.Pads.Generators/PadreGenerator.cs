using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Discovery;
using Padre.Pads.Generators.Emission;
using Padre.Pads.Generators.Mapping;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators;

/// <summary>
/// Wires tracking into user code at compile time: mapping files + Padre attributes -> tracked call sites ->
/// one file of interceptors per source file, and one file of the tracking bodies they share.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PadreGenerator : IIncrementalGenerator
{
    /// <summary>The namespace the generated interceptors live in (the project must allow it).</summary>
    public const string GeneratedNamespace = "Padre.Pads.Generated";

    /// <summary>Tracking names of the pipeline steps, for incremental-cache tests.</summary>
    public static class Steps
    {
        public const string MappingFiles = nameof(MappingFiles);
        public const string MappingIndex = nameof(MappingIndex);
        public const string InterceptorsEnabled = nameof(InterceptorsEnabled);
        public const string CandidateNames = nameof(CandidateNames);
        public const string Invocations = nameof(Invocations);
        public const string Candidates = nameof(Candidates);
        public const string Calls = nameof(Calls);
        public const string Interceptors = nameof(Interceptors);
        public const string Bodies = nameof(Bodies);
        public const string Tracking = nameof(Tracking);
        public const string Connection = nameof(Connection);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static c => c.AddSource("PadreGeneratorMarker.g.cs", Marker.Source));

        var connect = context.CompilationProvider
            .Select(static (c, _) => TrackerConnection.Describe(c))
            .WithTrackingName(Steps.Connection);
        context.RegisterSourceOutput(connect, static (spc, connection) =>
        {
            if (connection.Enabled)
            {
                spc.AddSource("PadreConnection.g.cs", Marker.Connection(connection.IsProgram, connection.Registrations));
            }
        });

        var userFiles = context.AdditionalTextsProvider
            .Where(static f => f.Path.EndsWith(".padre.yml", StringComparison.OrdinalIgnoreCase))
            .Select(static (f, ct) => MappingReader.Read(f.Path, f.GetText(ct)?.ToString() ?? string.Empty, builtIn: false))
            .WithTrackingName(Steps.MappingFiles);

        var index = userFiles.Collect()
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => MappingResolver.Resolve(BuiltInMappings.Files.AddRange(pair.Left), pair.Right))
            .WithTrackingName(Steps.MappingIndex);

        var enabled = context.ParseOptionsProvider
            .Select(static (options, _) => InterceptorsEnabled(options))
            .WithTrackingName(Steps.InterceptorsEnabled);

        // Attributed declarations are found by attribute name (cheap, cached by Roslyn): their names make calls of
        // them candidates, and their declarations are checked. An experiment on a local function is the analyzers'
        // PADRE024 (an error); PADRE012 would say it twice.
        var experiments = context.SyntaxProvider.ForAttributeWithMetadataName(
            CallDiscovery.ExperimentAttribute,
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, _) => AttributedMethod.Check((IMethodSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation));
        var datasets = context.SyntaxProvider.ForAttributeWithMetadataName(
            CallDiscovery.DatasetAttribute,
            static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax,
            static (ctx, _) => AttributedMethod.Check((IMethodSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation));
        var tracked = context.SyntaxProvider.ForAttributeWithMetadataName(
            CallDiscovery.TrackAttribute,
            static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax,
            static (ctx, _) => AttributedMethod.Check((IMethodSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation));
        foreach (var declarations in new[] { experiments, datasets, tracked })
        {
            context.RegisterSourceOutput(declarations, static (spc, method) =>
            {
                if (method.Problem is { } diagnostic)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
        }

        var attributedNames = experiments.Collect()
            .Combine(datasets.Collect())
            .Combine(tracked.Collect())
            .Select(static (all, _) => new AttributedNames(all.Left.Left.Concat(all.Left.Right).Concat(all.Right)
                .Select(m => m.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()));

        var names = index
            .Combine(attributedNames)
            .Combine(context.CompilationProvider)
            .Select(static (input, ct) => CandidateNames.Resolve(input.Left.Left, input.Left.Right.Names, input.Right, ct))
            .WithTrackingName(Steps.CandidateNames);

        // Per file, from syntax alone: re-read only when that file changes (an unchanged file keeps its tree object).
        var invocations = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => node is CompilationUnitSyntax, static (ctx, _) => ctx.Node.SyntaxTree)
            .Select(static (tree, ct) => FileInvocations.Read(tree, ct))
            .WithTrackingName(Steps.Invocations);

        var candidates = invocations
            .Combine(names)
            .Select(static (input, _) => FileCandidates.Select(input.Left, input.Right))
            .WithTrackingName(Steps.Candidates);

        // Binding is semantic, so it runs again for every file with candidates whenever the compilation changes (as a
        // per-file step did too), but only for the candidate calls. The files are bound in parallel: the compiler runs
        // generators on one thread, so other cores are idle meanwhile. Each file's value is equatable and compared
        // with the previous run's, so the interceptors of files whose calls did not change stay cached.
        var calls = candidates.Collect()
            .Combine(context.CompilationProvider)
            .SelectMany(static (input, ct) => FileDiscovery.DescribeAll(input.Left, input.Right, ct))
            .WithTrackingName(Steps.Calls);

        var files = calls
            .Combine(index)
            .Combine(enabled)
            .Select(static (input, _) => Select(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(Steps.Interceptors);

        context.RegisterSourceOutput(files, static (spc, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (result.File is { Sites.Count: > 0 } file)
            {
                spc.AddSource(file.HintName, InterceptorEmitter.Emit(file));
            }
        });

        // The tracking bodies are written once for the compilation: each file contributes its sites' bodies, named by
        // their text, and the shared file depends on the set of them only, so moving a call or changing its arguments
        // leaves it cached.
        var bodies = files
            .Select(static (result, _) => result.File is { } file ? TrackingBody.Of(file) : TrackingBodies.None)
            .WithTrackingName(Steps.Bodies);
        var tracking = bodies.Collect()
            .Select(static (all, _) => TrackingEmitter.Merge(all))
            .WithTrackingName(Steps.Tracking);
        context.RegisterSourceOutput(tracking, static (spc, set) =>
        {
            foreach (var name in set.Collisions)
            {
                spc.ReportDiagnostic(DiagnosticInfo.Create(Descriptors.GeneratorFailure, null, TrackingEmitter.HintName, "two different tracking bodies hash to the name " + name + ", so calls that use it would run the wrong one").ToDiagnostic());
            }

            if (set.Bodies.Count > 0)
            {
                spc.AddSource(TrackingEmitter.HintName, TrackingEmitter.Emit(set));
            }
        });

        context.RegisterSourceOutput(index, static (spc, resolved) =>
        {
            foreach (var diagnostic in resolved.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

    }

    internal static bool InterceptorsEnabled(ParseOptions options)
    {
        foreach (var feature in new[] { "InterceptorsNamespaces", "InterceptorsPreviewNamespaces" })
        {
            if (options.Features.TryGetValue(feature, out var value)
                && value.Split(';').Any(n => n.Trim() == GeneratedNamespace))
            {
                return true;
            }
        }

        return false;
    }

    private static FileResult Select(FileCalls calls, MappingIndex index, bool enabled)
    {
        var diagnostics = new List<DiagnosticInfo>(calls.Diagnostics);
        var sites = new List<TrackedSite>();
        foreach (var call in calls.Calls)
        {
            var matched = index.Match(call);
            var hooks = (matched?.Hooks ?? HookSet.None) | (HookSet)(call.Attributes?.Hooks ?? 0);
            if (call.Attributes is { ExperimentName: not null } or { DatasetName: not null } && hooks == HookSet.None)
            {
                // An experiment or dataset method is tracked even without [Track]: its run or dataset needs the call.
                hooks = HookSet.Log;
            }

            if (hooks == HookSet.None)
            {
                continue;
            }

            if (call.NotInterceptableReason is { } reason)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotInterceptable, call.Location, call.TargetDisplay, reason));
                continue;
            }

            var guarded = matched is { MetricGuards.Count: > 0 } && call.Metrics is { } metrics ? call with { Metrics = metrics.WithGuards(matched.MetricGuards) } : call;
            sites.Add(new TrackedSite(guarded, hooks, matched?.Step ?? call.MethodName, matched?.Data ?? EquatableArray<DataRole>.Empty));
        }

        if (sites.Count > 0 && !enabled)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InterceptorsDisabled, sites[0].Call.Location));
            return new FileResult(null, diagnostics.ToEquatableArray());
        }

        var file = sites.Count == 0 ? null : new FileInterceptors(HintName(calls.FilePath), calls.FilePath, sites.ToEquatableArray(), TrackingBody.NamesOf(sites));
        return new FileResult(file, diagnostics.ToEquatableArray());
    }

    /// <summary>A readable, unique hint name: the file name plus a stable hash of its path.</summary>
    private static string HintName(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        uint hash = 2166136261;
        foreach (var c in path)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return safe + "." + hash.ToString("x8") + ".Interceptors.g.cs";
    }

    private sealed record FileResult(FileInterceptors? File, EquatableArray<DiagnosticInfo> Diagnostics);
}

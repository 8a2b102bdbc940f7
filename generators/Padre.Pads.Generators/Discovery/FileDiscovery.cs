using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// Binds the candidate calls of one file (and only those); a failure on one call becomes a diagnostic, never a crash.
/// </summary>
internal static class FileDiscovery
{
    /// <summary>
    /// Binds the files in parallel (one semantic model per file; a compilation answers from any thread), in their
    /// order: the results, not the scheduling, decide what is generated.
    /// </summary>
    public static ImmutableArray<FileCalls> DescribeAll(ImmutableArray<FileCandidates> files, Compilation compilation, CancellationToken cancellationToken)
    {
        var results = new FileCalls[files.Length];
        var targets = new ConcurrentDictionary<IMethodSymbol, CallDiscovery.Target?>(SymbolEqualityComparer.Default);
        ParallelWork.For(files.Length, cancellationToken, i => results[i] = Describe(files[i], compilation, targets, cancellationToken));
        return ImmutableArray.Create(results);
    }

    /// <summary>
    /// Binds one file's candidate calls; <paramref name="targets"/> holds what depends on the called method alone,
    /// shared by every file of the compilation (the same method is described once, not once per file).
    /// </summary>
    public static FileCalls Describe(FileCandidates file, Compilation compilation, ConcurrentDictionary<IMethodSymbol, CallDiscovery.Target?> targets, CancellationToken cancellationToken)
    {
        var calls = new List<CallSite>();
        var diagnostics = new List<DiagnosticInfo>();
        if (file.Spans.Count == 0 || file.TreeIn(compilation) is not { } tree)
        {
            return new FileCalls(file.FilePath, calls.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        var model = BindingModel.For(compilation, tree);
        var root = tree.GetRoot(cancellationToken);
        foreach (var span in file.Spans)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The innermost node of exactly the call's span is the invocation (an argument around it has the same span).
            if (root.FindNode(span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            try
            {
                if (CallDiscovery.Describe(invocation, model, targets, cancellationToken) is { } call)
                {
                    calls.Add(call);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.GeneratorFailure, SourceSpan.From(invocation.GetLocation()), invocation.ToString(), e.GetType().Name + ": " + e.Message));
            }
        }

        return new FileCalls(file.FilePath, calls.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

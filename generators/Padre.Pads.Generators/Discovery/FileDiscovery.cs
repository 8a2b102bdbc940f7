using System;
using System.Collections.Generic;
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
    public static FileCalls Describe(FileCandidates file, Compilation compilation, CancellationToken cancellationToken)
    {
        var calls = new List<CallSite>();
        var diagnostics = new List<DiagnosticInfo>();
        if (file.Spans.Count == 0 || file.TreeIn(compilation) is not { } tree)
        {
            return new FileCalls(file.FilePath, calls.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        var model = BindingModel.For(compilation, tree);
        var root = tree.GetRoot(cancellationToken);
        var targets = new Dictionary<IMethodSymbol, CallDiscovery.Target?>(SymbolEqualityComparer.Default);
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

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>Collects the calls of one file; a failure on one call becomes a diagnostic, never a crash.</summary>
internal static class FileDiscovery
{
    public static FileCalls Describe(CompilationUnitSyntax unit, SemanticModel model, CancellationToken cancellationToken)
    {
        var calls = new List<CallSite>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var invocation in unit.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!CallDiscovery.IsCandidate(invocation))
            {
                continue;
            }

            try
            {
                if (CallDiscovery.Describe(invocation, model, cancellationToken) is { } call)
                {
                    calls.Add(call);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.GeneratorFailure, SourceSpan.From(invocation.GetLocation()), invocation.ToString(), e.GetType().Name + ": " + e.Message));
            }
        }

        return new FileCalls(unit.SyntaxTree.FilePath, calls.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

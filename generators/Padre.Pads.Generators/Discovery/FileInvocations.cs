using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>A named invocation as syntax alone gives it: the simple name of the called member and where the call is.</summary>
internal readonly record struct NamedInvocation(string Name, TextSpan Span);

/// <summary>
/// The named invocations of one source file, read from syntax only (no semantic model), so Roslyn reads a file
/// again only when its text changes. Compared by path and calls, not by tree: an edit that moves no call (a
/// comment, a line inside a method body after the last call) leaves everything after this step cached.
/// </summary>
internal sealed record FileInvocations(string FilePath, EquatableArray<NamedInvocation> Invocations)
{
    /// <summary>The tree read (not compared): the binding step's first guess for finding the calls again.</summary>
    public SyntaxTree? Tree { get; init; }

    public bool Equals(FileInvocations? other) =>
        other is not null && FilePath == other.FilePath && Invocations.Equals(other.Invocations);

    public override int GetHashCode() => FilePath.GetHashCode() ^ Invocations.GetHashCode();

    public static FileInvocations Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var invocations = new List<NamedInvocation>();
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation && SimpleName(invocation) is { } name)
            {
                invocations.Add(new NamedInvocation(name, invocation.Span));
            }
        }

        return new FileInvocations(tree.FilePath, invocations.ToEquatableArray()) { Tree = tree };
    }

    /// <summary>
    /// The called member's simple name: <c>x.Name()</c>, <c>x?.Name()</c>, <c>Name()</c>, <c>Name&lt;T&gt;()</c>;
    /// null for calls of anything else (a delegate returned by a call, an indexer's result, ...).
    /// </summary>
    public static string? SimpleName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}

/// <summary>The calls of one file whose name a mapping rule or a Padre attribute can select: the only ones bound.</summary>
internal sealed record FileCandidates(string FilePath, EquatableArray<TextSpan> Spans)
{
    /// <summary>The tree the spans were read from (not compared; possibly an earlier, equal-looking version of the file).</summary>
    public SyntaxTree? Tree { get; init; }

    public bool Equals(FileCandidates? other) =>
        other is not null && FilePath == other.FilePath && Spans.Equals(other.Spans);

    public override int GetHashCode() => FilePath.GetHashCode() ^ Spans.GetHashCode();

    /// <summary>
    /// This file's tree in <paramref name="compilation"/>: the tree read if it is still there, else the one tree with
    /// the same path (a cached value may hold the tree of an earlier text whose calls sit at the same places).
    /// </summary>
    public SyntaxTree? TreeIn(Compilation compilation)
    {
        if (Tree is not null && compilation.ContainsSyntaxTree(Tree))
        {
            return Tree;
        }

        SyntaxTree? found = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath)
            {
                if (found is not null)
                {
                    return null;
                }

                found = tree;
            }
        }

        return found;
    }

    public static FileCandidates Select(FileInvocations file, CandidateNames names)
    {
        var spans = new List<TextSpan>();
        foreach (var invocation in file.Invocations)
        {
            if (names.Contains(invocation.Name))
            {
                spans.Add(invocation.Span);
            }
        }

        return new FileCandidates(file.FilePath, spans.ToEquatableArray()) { Tree = file.Tree };
    }
}

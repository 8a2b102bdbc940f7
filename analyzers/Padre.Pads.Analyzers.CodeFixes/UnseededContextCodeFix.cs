using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Padre.Pads.Analyzers.Calls;

namespace Padre.Pads.Analyzers.CodeFixes;

/// <summary>
/// Fixes PADRE023 by passing <c>seed: 1</c> to the MLContext: a named argument is added, or an
/// explicit null seed replaced; other arguments and the object initializer are kept. Works for
/// <c>new MLContext()</c> and target-typed <c>new()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededContextCodeFix)), Shared]
public sealed class UnseededContextCodeFix : CodeFixProvider
{
    internal const string Title = "Seed the MLContext (seed: 1)";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Descriptors.UnseededContext.Id];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var creation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
            if (creation is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => SeedAsync(context.Document, creation, ct), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> SeedAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var seed = SyntaxFactory.Argument(
            SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(UnseededContextAnalyzer.SeedParameter)),
            default,
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));

        BaseObjectCreationExpressionSyntax fixedCreation;
        var arguments = creation.ArgumentList;
        var existing = arguments is null ? null : await FindSeedArgumentAsync(document, arguments, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            fixedCreation = creation.ReplaceNode(existing, seed.WithTriviaFrom(existing));
        }
        else if (arguments is null)
        {
            // `new MLContext { ... }`: the argument list goes between the type and the initializer.
            var typed = (ObjectCreationExpressionSyntax)creation;
            fixedCreation = typed
                .WithType(typed.Type.WithoutTrailingTrivia())
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(seed)).WithTrailingTrivia(typed.Type.GetTrailingTrivia()));
        }
        else
        {
            fixedCreation = creation.WithArgumentList(arguments.AddArguments(seed));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(creation, fixedCreation));
    }

    /// <summary>The argument bound to the seed parameter, when one is written (e.g. <c>seed: null</c>).</summary>
    private static async Task<ArgumentSyntax?> FindSeedArgumentAsync(Document document, ArgumentListSyntax arguments, CancellationToken cancellationToken)
    {
        var named = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == UnseededContextAnalyzer.SeedParameter);
        if (named is not null)
        {
            return named;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetSymbolInfo(arguments.Parent!, cancellationToken).Symbol is not IMethodSymbol constructor)
        {
            return null;
        }

        for (var i = 0; i < arguments.Arguments.Count && i < constructor.Parameters.Length; i++)
        {
            if (arguments.Arguments[i].NameColon is null && constructor.Parameters[i].Name == UnseededContextAnalyzer.SeedParameter)
            {
                return arguments.Arguments[i];
            }
        }

        return null;
    }
}

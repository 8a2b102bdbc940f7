using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Padre.Pads.Analyzers.Tests.Support;

/// <summary>
/// Applies a code fix the way an IDE does (the Microsoft.CodeAnalysis.*.Testing packages cannot be
/// restored here): the source goes into an AdhocWorkspace, the analyzer's diagnostics are fixed one
/// at a time through the fix's CodeAction until none is left, and the final text is returned.
/// </summary>
internal static class CodeFixRunner
{
    private const int MaxRounds = 10;

    public static async Task<string> ApplyAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string source, ProjectShape? shape = null)
    {
        shape ??= ProjectShape.Library;
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "TestProject",
            "TestProject",
            LanguageNames.CSharp,
            compilationOptions: Analysis.CompilationOptions(shape),
            parseOptions: Analysis.ParseOptions(shape),
            metadataReferences: shape.ReferencesRuntime ? References.WithRuntime : References.WithoutRuntime));
        foreach (var (name, text) in Analysis.SupportSources(shape))
        {
            project = project.AddDocument(name, SourceText.From(text), filePath: name).Project;
        }

        var document = project.AddDocument("Test.cs", SourceText.From(source), filePath: "Test.cs");
        var documentId = document.Id;
        var solution = document.Project.Solution;

        for (var round = 0; round < MaxRounds; round++)
        {
            var current = solution.GetDocument(documentId)!;
            var compilation = (await current.Project.GetCompilationAsync())!;
            var diagnostics = await Analysis.RunAsync(analyzer, compilation);
            var target = diagnostics.FirstOrDefault(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.SourceTree?.FilePath == "Test.cs");
            if (target is null)
            {
                return (await current.GetTextAsync()).ToString();
            }

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(current, target, (action, _) => actions.Add(action), CancellationToken.None);
            await fix.RegisterCodeFixesAsync(context);
            Assert.True(actions.Count > 0, $"No fix offered for {target}");
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new InvalidOperationException($"The fix did not remove its diagnostics in {MaxRounds} rounds.");
    }
}

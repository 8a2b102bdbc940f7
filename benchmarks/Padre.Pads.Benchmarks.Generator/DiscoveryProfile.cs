using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// Where discovery's time goes, on the same files and references: binding every named invocation with
/// <c>GetOperation</c> or <c>GetSymbolInfo</c> (what the generator did before it filtered by name: a second binding of
/// almost every method body before csc binds them again for emit), binding only calls whose simple name is some
/// ML.NET method's or an attributed method's, and only those whose name the built-in mapping's rules select
/// (<see cref="MappedNames"/>) — the generator's own syntactic filter now (<c>CandidateNames</c>).
/// </summary>
[Config(typeof(ProfileJob))]
public class DiscoveryProfile
{
    private CompileInputs _inputs = null!;
    private ImmutableArray<SyntaxTree> _trees;
    private HashSet<string> _candidateNames = null!;
    private HashSet<string> _mappedNames = null!;

    [GlobalSetup]
    public void Setup()
    {
        var project = SyntheticProject.Write();
        File.WriteAllText(project.EditedFilePath, SyntheticProject.EditedFileOriginalText);
        _inputs = CompileInputs.Load(project);
        _trees = _inputs.Parse();
        var compilation = CompileInputs.Compilation(_trees, _inputs.References);
        _candidateNames = CandidateNames(compilation);
        _mappedNames = MappedNames.Resolve(compilation);
        _mappedNames.UnionWith(AttributedNames(compilation));

        var invocations = _trees.SelectMany(Invocations).ToList();
        Console.WriteLine($"// {invocations.Count} named invocations in {_trees.Length} files");
        foreach (var (label, names) in new[] { ("any ML.NET method or attributed method", _candidateNames), ("a method the mapping rules select or an attributed method", _mappedNames) })
        {
            var filtered = invocations.Count(i => names.Contains(SimpleName(i)));
            var files = _trees.Count(t => Invocations(t).Any(i => names.Contains(SimpleName(i))));
            Console.WriteLine($"// {filtered} invocations in {files} files have the name of {label} ({names.Count} names)");
        }
    }

    [Benchmark(Baseline = true)]
    public int Bind_every_call_with_GetOperation() => Bind(useOperation: true, filter: false);

    [Benchmark]
    public int Bind_every_call_with_GetSymbolInfo() => Bind(useOperation: false, filter: false);

    [Benchmark]
    public int Bind_ML_name_calls_with_GetOperation() => Bind(useOperation: true, filter: true);

    [Benchmark]
    public int Bind_mapped_name_calls_with_GetOperation() => Bind(useOperation: true, filter: true, names: _mappedNames);

    // The generator's binding: its semantic model skips nullable analysis (BindingModel), which otherwise walks the
    // whole body of every method holding a candidate call a second time.
    [Benchmark]
    public int Bind_mapped_name_calls_with_GetOperation_without_nullable_analysis() => Bind(useOperation: true, filter: true, names: _mappedNames, nullableAnalysis: false);

    [Benchmark]
    public int Bind_mapped_name_calls_with_GetSymbolInfo() => Bind(useOperation: false, filter: true, names: _mappedNames);

    [Benchmark]
    public int Bind_mapped_name_calls_with_GetSymbolInfo_without_nullable_analysis() => Bind(useOperation: false, filter: true, names: _mappedNames, nullableAnalysis: false);

    [Benchmark]
    public int Candidate_names_from_references() => CandidateNames(CompileInputs.Compilation(_trees, _inputs.References)).Count;

    private int Bind(bool useOperation, bool filter, HashSet<string>? names = null, bool nullableAnalysis = true)
    {
        names ??= _candidateNames;
        // A fresh compilation each time: nothing bound by an earlier iteration is reused.
        var compilation = CompileInputs.Compilation(_trees, _inputs.References);
        var found = 0;
        foreach (var tree in _trees)
        {
            SemanticModel? model = null;
            foreach (var invocation in Invocations(tree))
            {
                if (filter && !names.Contains(SimpleName(invocation)))
                {
                    continue;
                }

#pragma warning disable RSEXPERIMENTAL001 // What the generator's BindingModel asks for.
                model ??= nullableAnalysis ? compilation.GetSemanticModel(tree) : compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
                var bound = useOperation
                    ? model.GetOperation(invocation) is not null
                    : model.GetSymbolInfo(invocation).Symbol is not null;
                found += bound ? 1 : 0;
            }
        }

        return found;
    }

    // Any invocation of a named member (the generator's FileInvocations reads the same calls).
    private static IEnumerable<InvocationExpressionSyntax> Invocations(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax or IdentifierNameSyntax or GenericNameSyntax or MemberBindingExpressionSyntax);

    private static string SimpleName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>
    /// Every method name declared by a type of a <c>Microsoft.ML*</c> namespace in the references (a superset of
    /// what the built-in mapping can match, "/.*/" patterns included) plus the names of Padre-attributed methods.
    /// </summary>
    private static HashSet<string> CandidateNames(Compilation compilation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols.Where(a => a.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal)))
        {
            AddMethodNames(assembly.GlobalNamespace, names);
        }

        names.UnionWith(AttributedNames(compilation));
        return names;
    }

    private static IEnumerable<string> AttributedNames(Compilation compilation) =>
        compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(method => method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Track" or "PadreExperiment" or "PadreDataset"))
            .Select(method => method.Identifier.ValueText);

    private static void AddMethodNames(INamespaceOrTypeSymbol container, HashSet<string> names)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceSymbol ns:
                    AddMethodNames(ns, names);
                    break;
                case INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type:
                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public))
                    {
                        names.Add(method.Name);
                    }

                    AddMethodNames(type, names);
                    break;
            }
        }
    }

    private sealed class ProfileJob : ManualConfig
    {
        public ProfileJob()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Profile"));
        }
    }
}

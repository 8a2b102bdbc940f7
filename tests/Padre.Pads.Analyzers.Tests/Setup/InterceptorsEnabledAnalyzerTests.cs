using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Padre.Pads.Analyzers.Setup;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests.Setup;

public sealed class InterceptorsEnabledAnalyzerTests
{
    private const string Source = "public static class Program { public static int Answer() => 42; }";

    [Fact]
    public async Task Missing_InterceptorsNamespaces_is_an_error_that_names_the_property_to_add()
    {
        var diagnostics = await Analysis.AnalyzeAsync(new InterceptorsEnabledAnalyzer(), Source, new ProjectShape { InterceptorsNamespaces = null });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PADRE020", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("<InterceptorsNamespaces>$(InterceptorsNamespaces);Padre.Pads.Generated</InterceptorsNamespaces>", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("https://github.com/padre-lab/padre-pads/blob/main/docs/diagnostics.md#padre020", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task InterceptorsNamespaces_listing_only_other_namespaces_is_reported()
    {
        var shape = new ProjectShape { InterceptorsNamespaces = "Microsoft.AspNetCore.Http.Generated;Padre.PadsX" };

        var diagnostics = await Analysis.AnalyzeAsync(new InterceptorsEnabledAnalyzer(), Source, shape);

        Assert.Equal("PADRE020", Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData("InterceptorsNamespaces", "$(InterceptorsNamespaces);Padre.Pads.Generated")]
    [InlineData("InterceptorsNamespaces", "Microsoft.Extensions.Configuration.Binder.SourceGeneration; Padre.Pads.Generated ")]
    [InlineData("InterceptorsNamespaces", "Padre.Pads")]
    [InlineData("InterceptorsPreviewNamespaces", "Padre.Pads.Generated")]
    public async Task Enabled_interceptors_are_not_reported(string feature, string value)
    {
        var compilation = Analysis.Compile(Source, ProjectShape.Library);
        var options = new CSharpParseOptions(LanguageVersion.Latest).WithFeatures([new(feature, value)]);
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), options)));

        Assert.Empty(await Analysis.RunAsync(new InterceptorsEnabledAnalyzer(), compilation));
    }

    [Fact]
    public async Task A_project_without_Padre_Pads_is_not_reported()
    {
        var shape = new ProjectShape { ReferencesRuntime = false, GeneratorRan = false, InterceptorsNamespaces = null };

        Assert.Empty(await Analysis.AnalyzeAsync(new InterceptorsEnabledAnalyzer(), Source, shape));
    }

    /// <summary>The analyzer accepts a parent namespace; so must the compiler, or users would get CS9137 after a clean PADRE020.</summary>
    [Theory]
    [InlineData("Padre.Pads", true)]
    [InlineData("Padre.Pads.Generated", true)]
    [InlineData("Padre.PadsX", false)]
    public void The_compiler_accepts_an_interceptor_exactly_when_the_analyzer_does(string listed, bool accepted)
    {
        var shape = new ProjectShape { InterceptorsNamespaces = listed, GeneratorRan = false };
        var compilation = Analysis.Compile("public static class Program { public static int Answer() => 42; public static int Call() => Answer(); }", shape);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Test.cs");
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single();
        var location = compilation.GetSemanticModel(tree).GetInterceptableLocation(call)!;
        var interceptor = $$"""
            namespace System.Runtime.CompilerServices
            {
                [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
                file sealed class InterceptsLocationAttribute(int version, string data) : System.Attribute;
            }

            namespace Padre.Pads.Generated
            {
                file static class Interceptors
                {
                    [System.Runtime.CompilerServices.InterceptsLocation({{location.Version}}, "{{location.Data}}")]
                    public static int Answer() => 43;
                }
            }
            """;
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(interceptor, (CSharpParseOptions)tree.Options, path: "Interceptors.g.cs"));

        var compilerAccepts = !compilation.GetDiagnostics().Any(d => d.Id == "CS9137");

        Assert.Equal(accepted, compilerAccepts);
        Assert.Equal(accepted, InterceptorsEnabledAnalyzer.AllowsGeneratedNamespace(tree.Options));
    }
}

using Padre.Pads.Analyzers.Calls;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests.Calls;

public sealed class NonInterceptableCallAnalyzerTests
{
    /// <summary>A real ML.NET pipeline: Fit is declared on EstimatorChain&lt;T&gt; in Microsoft.ML.Data.</summary>
    private static string InMethod(string body) => $$"""
        using System.Linq;
        using System.Linq.Expressions;
        using System.Reflection;
        using Microsoft.ML.Data;

        public static class Training
        {
            public static object? Run(IDataView data)
            {
                var ml = new MLContext(seed: 1);
                var pipeline = ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Regression.Trainers.Sdca());
                {{body}}
                return null;
            }

            [Track(Hook.Fit)]
            public static int Tracked(int x) => x;

            [PadreExperiment("Experiment")]
            public static void Experiment() { }
        }

        public sealed class Row { public float A { get; set; } public float B { get; set; } public float Label { get; set; } }

        public sealed class Score { public float Score1 { get; set; } }
        """;

    [Fact]
    public async Task A_method_group_of_Fit_is_reported_with_what_is_lost_and_the_fix()
    {
        var diagnostics = await Analyze("Func<IDataView, ITransformer> fit = pipeline.Fit;");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PADRE022", diagnostic.Id);
        Assert.Equal(
            "'EstimatorChain.Fit' is called through a delegate (method group), which cannot be intercepted: the parameters, input dataset, timing and model of this Fit are not recorded; call it directly, e.g. in a lambda such as 'x => ...Fit(x)', whose call is intercepted",
            diagnostic.GetMessage());
        Assert.Equal("Fit", Analysis.Span(diagnostic));
    }

    [Fact]
    public async Task A_direct_call_and_a_lambda_calling_Fit_are_not_reported()
    {
        Assert.Empty(await Analyze("var model = pipeline.Fit(data); Func<IDataView, ITransformer> fit = d => pipeline.Fit(d);"));
    }

    [Fact]
    public async Task Nameof_a_tracked_method_is_not_a_call_and_is_not_reported()
    {
        Assert.Empty(await Analyze("var name = nameof(pipeline.Fit);"));
    }

    [Fact]
    public async Task A_method_group_of_a_Track_method_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze("Func<int, int> f = Tracked;"));

        Assert.Contains("'Training.Tracked' is called through a delegate (method group)", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("its [Track] hooks do not fire", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_group_of_an_experiment_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze("Action run = Experiment;"));

        Assert.Contains("no experiment run is started for this call", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_group_of_an_untracked_method_is_not_reported()
    {
        Assert.Empty(await Analyze("Func<int, string> format = Convert.ToString; Func<IDataView, DataViewSchema> schema = d => d.Schema;"));
    }

    [Fact]
    public async Task Fit_on_a_dynamic_receiver_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze("dynamic chain = pipeline; chain.Fit(data);"));

        Assert.Equal(
            "'Fit' is called through a dynamic receiver, which cannot be intercepted: if it is ML.NET's Fit, the parameters, input dataset, timing and model of this Fit are not recorded; give the receiver and arguments their static types (cast them) so the call binds at compile time",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task Fit_with_a_dynamic_argument_is_reported_by_its_static_receiver()
    {
        var diagnostic = Assert.Single(await Analyze("dynamic input = data; pipeline.Fit(input);"));

        Assert.StartsWith("'EstimatorChain.Fit' is called through dynamic binding", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dynamic_call_of_an_untracked_name_is_not_reported()
    {
        Assert.Empty(await Analyze("dynamic value = data; value.ToString(); value.Preview();"));
    }

    [Fact]
    public async Task MethodInfo_Invoke_of_Fit_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze("typeof(EstimatorChain<ITransformer>).GetMethod(\"Fit\")!.Invoke(pipeline, new object[] { data });"));

        Assert.StartsWith("'EstimatorChain.Fit' is called through reflection (MethodInfo.Invoke)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MethodInfo_Invoke_through_a_local_and_GetType_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze("var fit = pipeline.GetType().GetMethod(\"Fit\"); fit!.Invoke(pipeline, new object[] { data });"));

        Assert.StartsWith("'EstimatorChain.Fit' is called through reflection", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MethodInfo_Invoke_of_an_untracked_method_is_not_reported()
    {
        Assert.Empty(await Analyze("typeof(string).GetMethod(\"Trim\", Type.EmptyTypes)!.Invoke(\" x \", null);"));
    }

    [Fact]
    public async Task Fit_inside_an_expression_tree_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze("Expression<Func<IDataView, ITransformer>> fit = d => pipeline.Fit(d);"));

        Assert.StartsWith("'EstimatorChain.Fit' is called through an expression tree", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trainer_factory_inside_an_expression_tree_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze(
            "Expression<Func<MLContext, object>> make = m => m.Regression.Trainers.Sdca(\"Label\", \"Features\", null, null, null, null, null);"));

        Assert.Contains("the arguments (hyperparameters) of the Sdca trainer are not recorded", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_and_Save_as_method_groups_say_what_each_loses()
    {
        var diagnostics = await Analyze("""
            Func<IDataView, string, string, RegressionMetrics> evaluate = ml.Regression.Evaluate;
            Action<ITransformer, DataViewSchema, string> save = ml.Model.Save;
            """);

        Assert.Collection(
            diagnostics,
            d => Assert.Contains("the metrics of this Evaluate are not recorded", d.GetMessage(), StringComparison.Ordinal),
            d => Assert.Contains("the saved model is not recorded as an artifact", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Predict_and_Transform_passed_to_Select_are_reported()
    {
        var diagnostics = await Analyze("""
            var model = pipeline.Fit(data);
            var engine = ml.Model.CreatePredictionEngine<Row, Score>(model);
            var scores = new[] { new Row() }.Select(engine.Predict).ToList();
            var outputs = new[] { data }.Select(model.Transform).ToList();
            """);

        Assert.Collection(
            diagnostics,
            d => Assert.StartsWith("'PredictionEngineBase.Predict' is called through a delegate (method group), which cannot be intercepted: these predictions are not counted or timed", d.GetMessage(), StringComparison.Ordinal),
            d => Assert.StartsWith("'TransformerChain.Transform' is called through a delegate (method group), which cannot be intercepted: the input and timing of this Transform are not recorded", d.GetMessage(), StringComparison.Ordinal));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Analyze(string body) =>
        Analysis.AnalyzeAsync(new NonInterceptableCallAnalyzer(), InMethod(body));
}

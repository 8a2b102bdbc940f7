using Padre.Pads.Generators.Discovery;
using Padre.Pads.Generators.Emission;
using Padre.Pads.Generators.Mapping;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Tests;

/// <summary>The compilation's tracking bodies are merged by name; two different bodies under one name are reported, not hidden.</summary>
public sealed class TrackingBodyMergeTests
{
    [Fact]
    public void Equal_bodies_from_two_files_are_written_once_without_a_collision()
    {
        var body = Body("Fit_00000001", "Microsoft.ML.Trainers.A");

        var merged = TrackingEmitter.Merge([Of(body), Of(body)]);

        Assert.Single(merged.Bodies);
        Assert.Empty(merged.Collisions);
    }

    [Fact]
    public void Two_different_bodies_under_one_name_are_listed_as_a_collision()
    {
        var merged = TrackingEmitter.Merge([Of(Body("Fit_00000001", "Microsoft.ML.Trainers.A")), Of(Body("Fit_00000001", "Microsoft.ML.Trainers.B")), Of(Body("Fit_00000002", "Microsoft.ML.Trainers.C"))]);

        Assert.Equal(["Fit_00000001"], merged.Collisions);
        Assert.Equal(["Fit_00000001", "Fit_00000002"], merged.Bodies.Select(b => b.Name));
    }

    [Fact]
    public void The_names_the_generator_gives_differ_for_different_bodies()
    {
        var a = TrackingBody.KeyOf(Site("Microsoft.ML.Trainers.A"));
        var b = TrackingBody.KeyOf(Site("Microsoft.ML.Trainers.B"));

        Assert.NotEqual(TrackingBody.Name(a, TrackingBody.Text(a)), TrackingBody.Name(b, TrackingBody.Text(b)));
        Assert.Equal(TrackingBody.Name(a, TrackingBody.Text(a)), TrackingBody.Name(TrackingBody.KeyOf(Site("Microsoft.ML.Trainers.A")), TrackingBody.Text(a)));
    }

    private static TrackingBodies Of(NamedBody body) => new(new[] { body }.ToEquatableArray());

    private static NamedBody Body(string name, string containingType) => new(name, TrackingBody.KeyOf(Site(containingType)));

    private static TrackedSite Site(string containingType) => new(
        new CallSite(
            1, "data", "Program.cs", 3, 5, "Fit", EquatableArray<string>.Empty, CallShape.Static, containingType, containingType + ".Fit",
            "object", false, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
            new[] { new ParameterModel("input", "object", string.Empty, true, false, EquatableArray<string>.Empty) }.ToEquatableArray(),
            null, null, Reach.Direct, null, false, string.Empty, RefLike.None, null, null),
        HookSet.Fit,
        "fit",
        EquatableArray<DataRole>.Empty);
}

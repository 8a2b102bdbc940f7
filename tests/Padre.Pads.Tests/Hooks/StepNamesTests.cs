using Padre.Pads.Hooks;
using Padre.Pads.Hooks.Defaults;

namespace Padre.Pads.Tests.Hooks;

/// <summary>Each call site of a step keeps one name per run; later sites of the same step are numbered from 2.</summary>
public sealed class StepNamesTests
{
    [Fact]
    public void Sites_of_one_step_are_numbered_in_the_order_first_seen_and_keep_their_names()
    {
        var names = new StepNames();
        var first = Site(10, "OneHotEncoding");
        var second = Site(11, "OneHotEncoding");
        var other = Site(12, "Concatenate");

        Assert.Equal("OneHotEncoding", names.For("run-a", first));
        Assert.Equal("OneHotEncoding.2", names.For("run-a", second));
        Assert.Equal("Concatenate", names.For("run-a", other));
        Assert.Equal("OneHotEncoding", names.For("run-a", first));
        Assert.Equal("OneHotEncoding.2", names.For("run-a", second));
    }

    [Fact]
    public void Each_run_numbers_its_sites_afresh()
    {
        var names = new StepNames();
        var first = Site(10, "OneHotEncoding");
        var second = Site(11, "OneHotEncoding");
        names.For("run-a", first);
        names.For("run-a", second);

        Assert.Equal("OneHotEncoding", names.For("run-b", second));
        Assert.Equal("OneHotEncoding.2", names.For("run-b", first));
    }

    private static InterceptionSite Site(int line, string step) => new("Program.cs", line, 5, "Catalog." + step, Hook.Init, step, []);
}

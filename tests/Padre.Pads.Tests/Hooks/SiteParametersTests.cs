using Padre.Pads.Hooks;

namespace Padre.Pads.Tests.Hooks;

public sealed class SiteParametersTests
{
    [Fact]
    public void A_table_reads_names_in_order_with_what_the_call_wrote_and_each_role()
    {
        var parameters = SiteParameters.Parse("data:Input testFraction [samplingKeyColumnName] [options:Options] [options.L2Regularization:Option] seed:Ignore");

        Assert.Equal(
            [
                new SiteParameter("data", true, ArgumentRole.Input),
                new SiteParameter("testFraction", true, ArgumentRole.Value),
                new SiteParameter("samplingKeyColumnName", false, ArgumentRole.Value),
                new SiteParameter("options", false, ArgumentRole.Options),
                new SiteParameter("options.L2Regularization", false, ArgumentRole.Option),
                new SiteParameter("seed", true, ArgumentRole.Ignore),
            ],
            parameters);
    }

    [Theory]
    [InlineData("model:Model", "model", true, ArgumentRole.Model)]
    [InlineData("[label:Target]", "label", false, ArgumentRole.Target)]
    [InlineData("x:Unknown", "x", true, ArgumentRole.Value)]
    public void One_entry(string table, string name, bool written, ArgumentRole role) =>
        Assert.Equal(new SiteParameter(name, written, role), Assert.Single(SiteParameters.Parse(table)));

    [Fact]
    public void An_empty_table_has_no_parameters() => Assert.Empty(SiteParameters.Parse(string.Empty));
}

using System.Text;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary>The stderr fallback renders Padre.Pads' message templates without a Serilog pipeline.</summary>
public sealed class SdkLogTests
{
    private static string Render(string template, params object?[] values)
    {
        var text = new StringBuilder();
        SdkLog.Render(template, values, text);
        return text.ToString();
    }

    [Fact]
    public void Values_fill_the_holes_in_order_strings_without_quotes()
    {
        Assert.Equal("Artifact /tmp/a.txt of run fit-1 is ignored", Render("Artifact {Path} of run {RunName} is ignored", "/tmp/a.txt", "fit-1"));
    }

    [Fact]
    public void Formats_apply_with_the_invariant_culture()
    {
        Assert.Equal("took 2.5 s, {literal}", Render("took {Seconds:F1} s, {{literal}}", 2.5));
    }

    [Fact]
    public void Missing_values_leave_the_hole_and_null_reads_null()
    {
        Assert.Equal("a null b {Missing}", Render("a {First} b {Missing}", [null]));
    }
}

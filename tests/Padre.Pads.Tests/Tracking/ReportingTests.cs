using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

public sealed class ReportingTests
{
    [Fact]
    public async Task Param_logged_again_with_another_value_is_reported_and_the_first_kept()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("immutable", null, null);
        run.LogParam("lr", "0.1");
        run.LogParam("lr", "0.1");
        run.LogParam("lr", "0.2");
        run.End();
        Assert.True(t.Flush());
        Assert.Equal("0.1", t.Store.RunNamed("immutable").Params["lr"]);
        Assert.Single(t.Reports, r => r.Template.Contains("already logged", StringComparison.Ordinal) && r.Values.Contains("lr") && r.Values.Contains("0.2"));
    }

    [Fact]
    public async Task Invalid_key_is_sanitized_and_reported_once()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("keys", null, null);
        run.LogMetric("acc@top*5", 1, 0);
        run.LogMetric("acc@top*5", 2, 1);
        run.End();
        Assert.True(t.Flush());
        Assert.Equal(["acc_top_5", "acc_top_5"], t.Store.RunNamed("keys").Metrics.Select(m => m.Key));
        Assert.Single(t.Reports, r => r.Template.Contains("not valid in MLflow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Long_param_value_is_cut_to_6000_and_reported()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("long", null, null);
        run.LogParam("text", new string('x', 7000));
        run.End();
        Assert.True(t.Flush());
        Assert.Equal(6000, t.Store.RunNamed("long").Params["text"].Length);
        Assert.True(t.ReportedWith("MLflow keeps"));
    }

    [Fact]
    public async Task Json_and_text_artifacts_are_written_by_the_exporter()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("artifacts", null, null);
        var node = new System.Text.Json.Nodes.JsonObject { ["a"] = 1 };
        run.LogJson(node, "m/confusion.json");
        node["a"] = 2; // changed after logging: the logged content stays
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "model.zip");
        File.WriteAllBytes(file, [1, 2, 3]);
        run.LogArtifact(file, "model");
        run.End();
        Assert.True(t.Flush());
        var stored = t.Store.RunNamed("artifacts");
        Assert.Contains("\"a\": 1", System.Text.Encoding.UTF8.GetString(stored.Artifacts["m/confusion.json"]), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], stored.Artifacts["model/model.zip"]);
    }

    [Fact]
    public async Task Disabled_tracking_records_nothing_and_creates_no_spool()
    {
        var spool = Path.Combine(Path.GetTempPath(), "padre-disabled-" + Guid.NewGuid().ToString("N"));
        await using var t = RecordingSession.Start(spoolDirectory: spool, configure: o => o with { Disabled = true });
        using (var run = t.Session.StartRun("off", null, null))
        {
            run.LogMetric("m", 1);
            run.LogParam("p", "v");
        }

        Assert.Empty(t.Store.Runs);
        Assert.False(Directory.Exists(spool));
    }
}

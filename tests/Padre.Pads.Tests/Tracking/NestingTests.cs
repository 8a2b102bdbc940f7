using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

public sealed class NestingTests
{
    [Fact]
    public async Task Run_started_inside_a_run_is_nested_with_the_parents_store_id()
    {
        await using var t = RecordingSession.Start(new RecordingStore { AssignOwnIds = true });
        using (var parent = t.Session.StartRun("parent", null, null))
        {
            using var child = t.Session.StartRun("child", null, null);
            Assert.Same(parent, child.Parent);
            Assert.Same(child, t.Session.ActiveRun);
        }

        Assert.True(t.Flush());
        var storedParent = t.Store.RunNamed("parent");
        var storedChild = t.Store.RunNamed("child");
        Assert.Equal(storedParent.Info.RunId, storedChild.Tags["mlflow.parentRunId"]);
        Assert.False(storedParent.Tags.ContainsKey("mlflow.parentRunId"));
    }

    [Fact]
    public async Task Ending_a_nested_run_restores_the_parent_as_active()
    {
        await using var t = RecordingSession.Start();
        var parent = t.Session.StartRun("p", null, null);
        var child = t.Session.StartRun("c", null, null);
        child.End();
        Assert.Same(parent, t.Session.ActiveRun);
        parent.End();
        Assert.Null(t.Session.ActiveRun);
    }

    [Fact]
    public async Task Parallel_trials_each_get_their_own_nested_run_and_do_not_mix()
    {
        await using var t = RecordingSession.Start();
        using (t.Session.StartRun("study", null, null))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                using var trial = t.Session.StartRun($"trial-{i}", null, null);
                for (var step = 0; step < 50; step++)
                {
                    t.Session.ActiveRun!.LogMetric("trial", i, step);
                    await Task.Yield();
                }

                t.Session.ActiveRun!.LogParam("index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            })));
        }

        Assert.True(t.Flush());
        var study = t.Store.RunNamed("study");
        for (var i = 0; i < 8; i++)
        {
            var trial = t.Store.RunNamed($"trial-{i}");
            Assert.Equal(study.Info.RunId, trial.Tags["mlflow.parentRunId"]);
            Assert.Equal(50, trial.Metrics.Count);
            Assert.All(trial.Metrics, m => Assert.Equal(i, m.Value));
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), trial.Params["index"]);
        }

        Assert.Empty(study.Metrics);
    }

    [Fact]
    public async Task Logging_outside_any_run_autostarts_one_shared_run()
    {
        await using var t = RecordingSession.Start();
        var first = t.Session.ActiveOrAutoStartedRun();
        var second = await Task.Run(() => t.Session.ActiveOrAutoStartedRun());
        Assert.Same(first, second);
        first.LogMetric("auto", 1);
        Assert.True(t.Flush());
        Assert.Equal("true", t.Store.Runs.Single().Tags["padre.autostarted"]);
    }

    [Fact]
    public async Task Autostart_off_records_nothing_outside_a_run()
    {
        await using var t = RecordingSession.Start(configure: o => o with { Autostart = false });
        t.Session.ActiveOrAutoStartedRun().LogMetric("lost-on-purpose", 1);
        Assert.True(t.Flush());
        Assert.Empty(t.Store.Runs);
    }

    [Fact]
    public async Task Nested_run_without_experiment_stays_in_the_parents_experiment()
    {
        await using var t = RecordingSession.Start(configure: o => o with { ExperimentName = "configured" });
        using (t.Session.StartRun("study", "hpo", null))
        {
            t.Session.StartRun("trial", null, null).End();
            t.Session.StartRun("elsewhere", "other", null).End();
        }

        t.Session.StartRun("top", null, null).End();
        Assert.True(t.Flush());
        Assert.Equal(t.Store.RunNamed("study").Info.ExperimentId, t.Store.RunNamed("trial").Info.ExperimentId);
        Assert.Equal("other", (await t.Store.GetExperimentAsync(t.Store.RunNamed("elsewhere").Info.ExperimentId))!.Name);
        Assert.Equal("configured", (await t.Store.GetExperimentAsync(t.Store.RunNamed("top").Info.ExperimentId))!.Name);
    }
}

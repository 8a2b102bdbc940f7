using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

public sealed class RunLifecycleTests
{
    [Fact]
    public async Task Run_records_params_metrics_tags_and_ends_finished()
    {
        await using var t = RecordingSession.Start();
        using (var run = t.Session.StartRun("first", "exp-a", new Dictionary<string, string> { ["team"] = "ml" }))
        {
            run.LogParam("lr", "0.1");
            run.LogMetric("loss", 0.5, step: 1);
            run.SetTag("phase", "train");
        }

        Assert.True(t.Flush());
        var stored = t.Store.RunNamed("first");
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
        Assert.Equal("0.1", stored.Params["lr"]);
        Assert.Equal(0.5, Assert.Single(stored.Metrics).Value);
        Assert.Equal("train", stored.Tags["phase"]);
        Assert.Equal("ml", stored.Tags["team"]);
        Assert.Equal("first", stored.Tags["mlflow.runName"]);
        Assert.Equal("LOCAL", stored.Tags["mlflow.source.type"]);
        Assert.Equal(Environment.UserName, stored.Tags["mlflow.user"]);
        Assert.False(string.IsNullOrEmpty(stored.Tags["mlflow.source.name"]));
        var experiment = await t.Store.GetExperimentByNameAsync("exp-a");
        Assert.Equal(experiment!.ExperimentId, stored.Info.ExperimentId);
    }

    [Fact]
    public async Task Run_id_is_32_lowercase_hex_and_the_local_store_keeps_it()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("ids", null, null);
        run.End();
        Assert.Matches("^[0-9a-f]{32}$", run.Id);
        Assert.True(t.Flush());
        Assert.Equal(run.Id, t.Store.RunNamed("ids").Info.RunId);
    }

    [Fact]
    public async Task Run_without_experiment_goes_to_Default()
    {
        await using var t = RecordingSession.Start();
        t.Session.StartRun("in-default", null, null).End();
        Assert.True(t.Flush());
        Assert.Equal("0", t.Store.RunNamed("in-default").Info.ExperimentId);
    }

    [Fact]
    public async Task Run_without_name_gets_an_mlflow_style_name()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun(null, null, null);
        run.End();
        Assert.Matches("^[a-z]+-[a-z]+-[0-9]{1,3}$", run.Name);
    }

    [Fact]
    public async Task Dispose_during_an_exception_ends_the_run_failed()
    {
        await using var t = RecordingSession.Start();
        Run? seen = null;
        void Train()
        {
            using var run = t.Session.StartRun("boom", null, null);
            seen = run;
            throw new InvalidOperationException("bad data");
        }

        Assert.Throws<InvalidOperationException>(Train);

        Assert.Equal(RunStatus.Failed, seen!.Status);
        Assert.True(t.Flush());
        Assert.Equal(RunStatus.Failed, t.Store.RunNamed("boom").Info.Status);
    }

    [Fact]
    public async Task Dispose_after_a_caught_exception_ends_the_run_finished()
    {
        await using var t = RecordingSession.Start();
        using (var run = t.Session.StartRun("recovered", null, null))
        {
            try
            {
                throw new InvalidOperationException("handled");
            }
            catch (InvalidOperationException)
            {
                run.SetTag("handled", "yes");
            }
        }

        Assert.True(t.Flush());
        Assert.Equal(RunStatus.Finished, t.Store.RunNamed("recovered").Info.Status);
    }

    [Fact]
    public async Task Await_using_in_an_async_method_that_throws_ends_the_run_failed()
    {
        await using var t = RecordingSession.Start();
        async Task Train()
        {
            await using var run = t.Session.StartRun("async-boom", null, null);
            await Task.Yield();
            throw new InvalidOperationException("async failure");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(Train);
        Assert.True(t.Flush());
        Assert.Equal(RunStatus.Failed, t.Store.RunNamed("async-boom").Info.Status);
    }

    [Fact]
    public async Task Fail_records_the_exception_in_padre_error()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("explicit-fail", null, null);
        run.Fail(new ArgumentException("no rows"));
        Assert.True(t.Flush());
        var stored = t.Store.RunNamed("explicit-fail");
        Assert.Equal(RunStatus.Failed, stored.Info.Status);
        Assert.Equal("System.ArgumentException: no rows", stored.Tags["padre.error"]);
    }

    [Fact]
    public async Task Ending_twice_keeps_the_first_status()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("twice", null, null);
        run.End(RunStatus.Killed);
        run.End();
        run.Dispose();
        Assert.True(t.Flush());
        Assert.Equal([RunStatus.Killed], t.Store.RunNamed("twice").StatusHistory);
    }

    [Fact]
    public async Task Session_close_ends_open_runs_finished()
    {
        var store = new RecordingStore();
        var t = RecordingSession.Start(store);
        t.Session.StartRun("left-open", null, null).LogMetric("m", 1);
        await t.DisposeAsync();
        Assert.Equal(RunStatus.Finished, store.RunNamed("left-open").Info.Status);
        Assert.Empty(Directory.GetFiles(t.SpoolDirectory, "*.spool"));
    }
}

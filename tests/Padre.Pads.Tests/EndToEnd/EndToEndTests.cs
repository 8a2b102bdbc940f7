using System.Diagnostics;
using System.Globalization;
using Padre.Pads.Configuration;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.EndToEnd;

/// <summary>
/// The public static API (<see cref="Tracker"/>) into each real store, read back by MLflow's own Python client.
/// <see cref="Tracker"/> is process-wide, so these run alone, after the parallel collections.
/// </summary>
[Collection(nameof(EndToEndTests))]
[CollectionDefinition(nameof(EndToEndTests), DisableParallelization = true)]
public sealed class EndToEndTests
{

    private static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(60);

    [MlflowFact]
    public void Default_sqlite_store_in_the_working_directory_reads_back_in_the_Python_client()
    {
        var work = Directory.CreateTempSubdirectory("padre-e2e-sqlite-").FullName;
        var previous = Environment.CurrentDirectory;
        // MLflow's default store and artifact root are relative to the working directory, as for a user's program.
        Environment.CurrentDirectory = work;
        try
        {
            Tracker.Configure(Options(TrackingUri.Parse(null), work));
            Scenario.Log(work);
            Assert.True(Tracker.Flush(FlushWait));
            Tracker.Configure(new TrackingOptions { Disabled = true });
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Assert.True(File.Exists(Path.Combine(work, "mlflow.db")));
        Scenario.AssertReadBack(PythonReadBack.Read("sqlite:///mlflow.db", Scenario.Experiment, work), sqlBacked: true);
    }

    [MlflowFact]
    public void File_store_reads_back_in_the_Python_client()
    {
        var work = Directory.CreateTempSubdirectory("padre-e2e-file-").FullName;
        var root = Path.Combine(work, "store");
        Tracker.Configure(Options(TrackingUri.Parse("file://" + root), work));
        Scenario.Log(work);
        Assert.True(Tracker.Flush(FlushWait));
        Tracker.Configure(new TrackingOptions { Disabled = true });

        Scenario.AssertReadBack(PythonReadBack.Read("file://" + root, Scenario.Experiment, work), sqlBacked: false);
    }

    [MlflowFact]
    public void Real_server_reads_back_in_the_Python_client()
    {
        var work = Directory.CreateTempSubdirectory("padre-e2e-server-").FullName;
        using var server = MlflowBundle.StartServer();
        var uri = server.TrackingUri.ToString().TrimEnd('/');
        Tracker.Configure(Options(TrackingUri.Parse(uri), work));
        Scenario.Log(work);
        Assert.True(Tracker.Flush(FlushWait));
        Tracker.Configure(new TrackingOptions { Disabled = true });

        Scenario.AssertReadBack(PythonReadBack.Read(uri, Scenario.Experiment, work), sqlBacked: true);
    }

    [MlflowFact]
    public async Task Server_down_for_the_whole_run_then_started_SyncAsync_replays_identical_content_once()
    {
        var work = Directory.CreateTempSubdirectory("padre-e2e-outage-").FullName;
        var port = MlflowBundle.FreePort();
        var uri = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var down = Options(TrackingUri.Parse(uri), work) with
        {
            HttpMaxRetries = 0,
            HttpTimeout = TimeSpan.FromSeconds(2),
            FlushTimeout = TimeSpan.FromMilliseconds(500),
        };
        Tracker.Configure(down);
        Scenario.Log(work);
        Assert.False(Tracker.Flush(TimeSpan.FromSeconds(1)));

        // A new session (as a new process would) over the same spool, once the server is up.
        Tracker.Configure(new TrackingOptions { Disabled = true });
        using var server = StartServerOn(port);
        Tracker.Configure(Options(TrackingUri.Parse(uri), work));
        var reports = ObserveReports();
        var report = await Tracker.SyncAsync();
        Assert.True(report.StoreAvailable);
        Assert.True(report.SegmentsRemaining == 0 && report.RecordsRejected == 0, $"{report}\n{string.Join('\n', reports)}");
        Tracker.Configure(new TrackingOptions { Disabled = true });

        var runs = PythonReadBack.Read(uri, Scenario.Experiment, work);
        Scenario.AssertReadBack(runs, sqlBacked: true);
        var duplicatedParams = server.RunPython("""
            import sqlite3
            db = sqlite3.connect("mlflow.db")
            print(db.execute("select count(*) from (select run_uuid, key from params group by run_uuid, key having count(*) > 1)").fetchone()[0],
                  db.execute("select count(*) from params").fetchone()[0],
                  db.execute("select count(*) from metrics where key = 'loss'").fetchone()[0])
            """).Trim().Split(' ');
        Assert.Equal(["0", "3", Scenario.LossValues.Length.ToString(CultureInfo.InvariantCulture)], duplicatedParams);
    }

    private static TrackingOptions Options(TrackingUri uri, string work) => new()
    {
        TrackingUri = uri,
        SpoolDirectory = Path.Combine(work, "spool"),
        FlushInterval = TimeSpan.FromMilliseconds(50),
        RetryBackoffMin = TimeSpan.FromMilliseconds(50),
        RetryBackoffMax = TimeSpan.FromMilliseconds(500),
        FlushTimeout = TimeSpan.FromSeconds(30),
        // The scenario checks exactly what it logged; the default run loggers are covered by their own tests.
        DisabledLoggers = new HashSet<string>(["all"], StringComparer.OrdinalIgnoreCase),
    };

    // The reports (rejections and their reasons) of the session Tracker holds, for failure messages.
    private static System.Collections.Concurrent.ConcurrentQueue<string> ObserveReports()
    {
        var reports = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var field = typeof(Tracker).GetField("session", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var session = (Padre.Pads.Tracking.TrackingSession)field.GetValue(null)!;
        session.Reporter.Observed = (template, values) => reports.Enqueue(template + " | " + string.Join(" | ", values));
        return reports;
    }

    private static MlflowServer StartServerOn(int port)
    {
        var bundle = MlflowBundle.Directory!;
        var workDir = Directory.CreateTempSubdirectory("padre-mlflow-server-").FullName;
        var start = new ProcessStartInfo(Path.Combine(bundle, "start"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(workDir);
        start.Environment["MLFLOW_SERVER_START_TIMEOUT"] = "300";
        var (exitCode, _, stderr) = MlflowBundle.Execute(start, TimeSpan.FromMinutes(6));
        Assert.True(exitCode == 0, $"the MLflow server did not start on port {port}: {stderr}");
        return new MlflowServer(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), workDir, bundle);
    }
}

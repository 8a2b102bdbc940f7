using System.Collections.Concurrent;
using Padre.Pads.Configuration;
using Padre.Pads.Tests.Support;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Export;

/// <summary>
/// The spool is opened by the exporter's loop once the session starts, not when the session is made; an unwritable
/// spool directory falls back to another one, and with none writable tracking turns off without anyone waiting.
/// </summary>
public sealed class SpoolDirectoryTests
{
    [Fact]
    public async Task A_session_creates_no_spool_file_until_it_is_started()
    {
        var spool = Path.Combine(Directory.CreateTempSubdirectory("padre-spool-").FullName, "spool");
        var session = new TrackingSession(Options(spool, new RecordingStore()), deferStart: true);

        Assert.False(Directory.Exists(spool));

        session.Start();
        Assert.True(await session.FlushToSpoolAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(Directory.GetFiles(spool, "*.spool"));
        Assert.Single(Directory.GetFiles(spool, "*.lock"));
        await session.DisposeAsync();
    }

    [Fact]
    public async Task A_deferred_session_reports_its_configuration_problems_when_it_starts()
    {
        var spool = Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var options = Options(spool, new RecordingStore()) with { Problems = ["PADRE_FLUSH_INTERVAL_MS=soon is not a number of milliseconds"] };
        var reports = new ConcurrentQueue<string>();
        var session = new TrackingSession(options, deferStart: true);
        session.Reporter.Observed = (template, values) => reports.Enqueue(string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Replace("{Problem}", "{0}", StringComparison.Ordinal), values));
        Assert.Empty(reports);

        session.Start();

        Assert.Contains("Configuration: PADRE_FLUSH_INTERVAL_MS=soon is not a number of milliseconds", reports);
        await session.DisposeAsync();
    }

    [Fact]
    public async Task An_unwritable_spool_directory_falls_back_and_the_records_still_reach_the_store()
    {
        var root = Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var blocker = Path.Combine(root, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var fallback = Path.Combine(root, "fallback");
        var store = new RecordingStore();
        var reports = new ConcurrentQueue<string>();
        var session = new TrackingSession(Options(Path.Combine(blocker, "spool"), store) with { SpoolFallbackDirectory = fallback }, deferStart: true);
        session.Reporter.Observed = (template, _) => reports.Enqueue(template);
        session.Start();

        using (var run = session.StartRun("fallback-run", null, null))
        {
            run.LogParam("alpha", "0.5");
        }

        Assert.True(await session.FlushAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("0.5", store.RunNamed("fallback-run").Params["alpha"]);
        Assert.Single(Directory.GetFiles(fallback, "*.lock"));
        Assert.Contains(reports, r => r.Contains("cannot be used", StringComparison.Ordinal) && r.Contains("PADRE_SPOOL_DIR", StringComparison.Ordinal));
        Assert.False(session.Disabled);
        await session.DisposeAsync();
    }

    [Fact]
    public async Task No_writable_spool_directory_turns_tracking_off_with_a_warning_and_flushes_answer_at_once()
    {
        var root = Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var blocker = Path.Combine(root, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var store = new RecordingStore();
        var reports = new ConcurrentQueue<string>();
        var options = Options(Path.Combine(blocker, "spool"), store) with { SpoolFallbackDirectory = Path.Combine(blocker, "fallback") };
        var session = new TrackingSession(options, deferStart: true);
        session.Reporter.Observed = (template, _) => reports.Enqueue(template);
        session.Start();

        var run = session.StartRun("lost-run", null, null);
        run.LogParam("alpha", "0.5");
        Assert.True(await Poll.Until(() => session.Disabled));

        // The loop has stopped: a flush is answered (unconfirmed) when asked, not after its timeout.
        var flush = session.FlushAsync(TimeSpan.FromMinutes(10));
        Assert.True(flush.IsCompleted);
        Assert.False(await flush);
        var spooled = session.FlushToSpoolAsync(TimeSpan.FromMinutes(10));
        Assert.True(spooled.IsCompleted);
        Assert.False(await spooled);
        run.LogMetric("loss", 0.1, 0);
        run.End();
        Assert.Contains(reports, r => r.StartsWith("Tracking is off for this process: no spool directory is writable", StringComparison.Ordinal) && r.Contains("PADRE_SPOOL_DIR", StringComparison.Ordinal));
        Assert.Empty(store.Runs);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
        await session.DisposeAsync();
    }

    private static TrackingOptions Options(string spoolDirectory, RecordingStore store) => new()
    {
        TrackingUri = TrackingUri.Parse(Path.GetTempPath()),
        SpoolDirectory = spoolDirectory,
        FlushInterval = TimeSpan.FromMilliseconds(20),
        RetryBackoffMin = TimeSpan.FromMilliseconds(10),
        RetryBackoffMax = TimeSpan.FromMilliseconds(100),
        FlushTimeout = TimeSpan.FromSeconds(10),
        StoreFactory = (_, _) => store,
    };
}

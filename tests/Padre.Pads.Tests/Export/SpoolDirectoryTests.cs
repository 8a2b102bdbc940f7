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
        var session = new TrackingSession(RecordingSession.Options(new RecordingStore(), spool), deferStart: true);

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
        var options = RecordingSession.Options(new RecordingStore(), spool) with { Problems = ["PADRE_FLUSH_INTERVAL_MS=soon is not a number of milliseconds"] };
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
        var (root, blocked) = await BlockedDirectory();
        var fallback = Path.Combine(root, "fallback");
        await using var t = RecordingSession.Start(spoolDirectory: blocked, configure: o => o with { SpoolFallbackDirectory = fallback });

        using (var run = t.Session.StartRun("fallback-run", null, null))
        {
            run.LogParam("alpha", "0.5");
        }

        Assert.True(t.Flush());
        Assert.Equal("0.5", t.Store.RunNamed("fallback-run").Params["alpha"]);
        Assert.Single(Directory.GetFiles(fallback, "*.lock"));
        Assert.Contains(t.Reports, r => r.Template.Contains("cannot be used", StringComparison.Ordinal) && r.Template.Contains("PADRE_SPOOL_DIR", StringComparison.Ordinal));
        Assert.False(t.Session.Disabled);
    }

    [Fact]
    public async Task No_writable_spool_directory_turns_tracking_off_with_a_warning_and_flushes_answer_at_once()
    {
        var (root, blocked) = await BlockedDirectory();
        await using var t = RecordingSession.Start(spoolDirectory: blocked, configure: o => o with { SpoolFallbackDirectory = Path.Combine(blocked, "fallback") });

        var run = t.Session.StartRun("lost-run", null, null);
        run.LogParam("alpha", "0.5");
        Assert.True(await Poll.Until(() => t.Session.Disabled));

        // The loop has stopped: a flush is answered (unconfirmed) when asked, not after its timeout.
        var flush = t.Session.FlushAsync(TimeSpan.FromMinutes(10));
        Assert.True(flush.IsCompleted);
        Assert.False(await flush);
        var spooled = t.Session.FlushToSpoolAsync(TimeSpan.FromMinutes(10));
        Assert.True(spooled.IsCompleted);
        Assert.False(await spooled);
        run.LogMetric("loss", 0.1, 0);
        run.End();
        Assert.Contains(t.Reports, r => r.Template.StartsWith("Tracking is off for this process: no spool directory is writable", StringComparison.Ordinal) && r.Template.Contains("PADRE_SPOOL_DIR", StringComparison.Ordinal));
        Assert.Empty(t.Store.Runs);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
    }

    // A spool directory under a regular file: creating it fails as on a read-only volume, for any user (root included).
    private static async Task<(string Root, string Blocked)> BlockedDirectory()
    {
        var root = Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var file = Path.Combine(root, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");
        return (root, Path.Combine(file, "spool"));
    }
}

using Padre.Pads.Configuration;
using Padre.Pads.Tests.Support;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary>The watcher registers its signal handlers off the creating thread; waiting for the spool waits for them too.</summary>
public sealed class ProcessEndWatcherTests
{
    [Fact]
    public async Task Signal_handlers_are_registered_in_the_background_after_the_watcher_is_made()
    {
        await using var session = new TrackingSession(Options(), watchProcessEnd: false);
        using var watcher = new ProcessEndWatcher(session);

        await watcher.SignalsRegistered.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(OperatingSystem.IsWindows() ? 2 : 3, watcher.SignalCount);
    }

    [Fact]
    public async Task A_watcher_disposed_before_its_handlers_are_registered_keeps_none()
    {
        await using var session = new TrackingSession(Options(), watchProcessEnd: false);
        var watcher = new ProcessEndWatcher(session);
        watcher.Dispose();

        await watcher.SignalsRegistered.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, watcher.SignalCount);
    }

    [Fact]
    public async Task Flushing_to_the_spool_returns_once_records_are_spooled_and_the_process_end_is_watched()
    {
        await using var session = new TrackingSession(Options(), watchProcessEnd: true);
        var run = session.StartRun("watched", null, null);
        run.LogMetric("m", 1, 0);

        Assert.True(await session.FlushToSpoolAsync(TimeSpan.FromSeconds(10)));
        Assert.True(session.ProcessEndWatched);
    }

    private static TrackingOptions Options() => new()
    {
        SpoolDirectory = Directory.CreateTempSubdirectory("padre-watch-").FullName,
        StoreFactory = (_, _) => new RecordingStore(),
    };
}

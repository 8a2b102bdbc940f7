using Padre.Pads.Configuration;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Support;

/// <summary>A tracking session over a <see cref="RecordingStore"/> with its own spool directory and fast timings, plus its reports.</summary>
public sealed class RecordingSession : IAsyncDisposable
{
    private RecordingSession(RecordingStore store, string spoolDirectory, TrackingOptions options)
    {
        Store = store;
        SpoolDirectory = spoolDirectory;
        // Observed before the start, so reports the exporter's loop makes at once (the spool's opening) are seen too.
        Session = new TrackingSession(options, deferStart: true);
        Session.Reporter.Observed = (template, values) => Reports.Enqueue((template, values));
        Session.Start();
    }

    public RecordingStore Store { get; }

    public string SpoolDirectory { get; }

    internal TrackingSession Session { get; }

    public System.Collections.Concurrent.ConcurrentQueue<(string Template, object?[] Values)> Reports { get; } = new();

    public static RecordingSession Start(RecordingStore? store = null, string? spoolDirectory = null, Func<TrackingOptions, TrackingOptions>? configure = null)
    {
        store ??= new RecordingStore();
        spoolDirectory ??= Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var options = Options(store, spoolDirectory);
        return new RecordingSession(store, spoolDirectory, configure?.Invoke(options) ?? options);
    }

    /// <summary>The options <see cref="Start"/> uses: <paramref name="store"/>, the spool there, fast timings.</summary>
    public static TrackingOptions Options(RecordingStore store, string spoolDirectory) => new()
    {
        TrackingUri = TrackingUri.Parse(spoolDirectory),
        SpoolDirectory = spoolDirectory,
        FlushInterval = TimeSpan.FromMilliseconds(20),
        RetryBackoffMin = TimeSpan.FromMilliseconds(10),
        RetryBackoffMax = TimeSpan.FromMilliseconds(100),
        FlushTimeout = TimeSpan.FromSeconds(10),
        StoreFactory = (_, _) => store,
    };

    public bool Flush() => Session.FlushAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

    public bool ReportedWith(string fragment) => Reports.Any(r => r.Template.Contains(fragment, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}

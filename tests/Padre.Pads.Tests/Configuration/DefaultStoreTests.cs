using Padre.Pads.Configuration;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Configuration;

public sealed class DefaultStoreTests
{
    [Fact]
    public async Task Unavailable_store_kind_is_reported_plainly_and_records_stay_in_the_spool()
    {
        var spool = Directory.CreateTempSubdirectory("padre-nostore-").FullName;
        var t = RecordingSession.Start(spoolDirectory: spool, configure: o => o with
        {
            TrackingUri = TrackingUri.Parse("http://127.0.0.1:5143"),
            StoreFactory = (uri, options) => throw new NotSupportedException($"The store kind {uri.Kind} ({uri}) is not available in this build of Padre.Pads."),
            FlushTimeout = TimeSpan.FromMilliseconds(300),
        });
        t.Session.StartRun("kept", null, null).LogMetric("m", 1);
        await t.DisposeAsync();
        Assert.Contains(t.Reports, r => r.Values.OfType<string>().Any(v => v.Contains("not available in this build", StringComparison.Ordinal)));
        Assert.NotEmpty(Directory.GetFiles(spool, "*.spool"));
    }
}

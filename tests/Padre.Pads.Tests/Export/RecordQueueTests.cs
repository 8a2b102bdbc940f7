using Padre.Pads.Export;

namespace Padre.Pads.Tests.Export;

public sealed class RecordQueueTests
{
    [Fact]
    public void Drain_returns_every_record_in_order_across_chunks_and_wraparound()
    {
        var queue = new RecordQueue(10_000, () => { });
        var drained = new List<ExportRecord>();
        var next = 0;
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 9_000; i++)
            {
                Assert.True(queue.TryEnqueue(new ExportRecord(RecordKind.Metric, "r", "m", step: next++), TimeSpan.Zero));
            }

            queue.DrainTo(drained);
            Assert.Equal(0, queue.Count);
        }

        Assert.Equal(Enumerable.Range(0, 27_000).Select(i => (long)i), drained.Select(r => r.Step));
    }

    [Fact]
    public void Full_queue_refuses_after_the_wait_instead_of_overwriting()
    {
        var queue = new RecordQueue(16, () => { });
        for (var i = 0; i < 16; i++)
        {
            Assert.True(queue.TryEnqueue(new ExportRecord(RecordKind.Metric, "r", "m", step: i), TimeSpan.Zero));
        }

        Assert.False(queue.TryEnqueue(new ExportRecord(RecordKind.Metric, "r", "m", step: 16), TimeSpan.FromMilliseconds(5)));
        var drained = new List<ExportRecord>();
        queue.DrainTo(drained);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => (long)i), drained.Select(r => r.Step));
    }

    [Fact]
    public void A_queue_that_takes_its_full_size_while_wrapped_around_keeps_every_record_in_order()
    {
        var queue = new RecordQueue(100_000, () => { });
        var drained = new List<ExportRecord>();
        var next = 0;
        // Leave the start of the ring mid-way, so growing copies a wrapped-around ring.
        for (var i = 0; i < 200; i++)
        {
            Assert.True(queue.TryEnqueue(new ExportRecord(RecordKind.Metric, "r", "m", step: next++), TimeSpan.Zero));
        }

        queue.DrainTo(drained);
        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(queue.TryEnqueue(new ExportRecord(RecordKind.Metric, "r", "m", step: next++), TimeSpan.Zero));
        }

        queue.DrainTo(drained);

        Assert.Equal(Enumerable.Range(0, 50_200).Select(i => (long)i), drained.Select(r => r.Step));
        Assert.Equal(100_000, queue.Capacity);
    }

    [Fact]
    public void A_growing_queue_still_refuses_at_its_capacity()
    {
        var queue = new RecordQueue(1_000, () => { });
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(queue.TryEnqueue(new ExportRecord(RecordKind.Metric, "r", "m", step: i), TimeSpan.Zero));
        }

        Assert.False(queue.TryEnqueue(new ExportRecord(RecordKind.Metric, "r", "m", step: 1_000), TimeSpan.Zero));
        Assert.Equal(1_000, queue.Count);
    }
}

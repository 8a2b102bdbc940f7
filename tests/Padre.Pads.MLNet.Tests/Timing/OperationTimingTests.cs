using Padre.Pads.MLNet.Tests.Support;
using Padre.Pads.MLNet.Timing;

namespace Padre.Pads.MLNet.Tests.Timing;

public sealed class OperationTimingTests
{
    [Fact]
    public void Allocations_of_the_operation_are_counted()
    {
        var timing = OperationTiming.Start();
        var buffers = new List<byte[]>();
        for (var i = 0; i < 64; i++) buffers.Add(new byte[64 * 1024]);

        var measure = timing.Stop();

        Assert.True(measure.AllocatedBytes >= 64 * 64 * 1024, $"allocated {measure.AllocatedBytes}");
        Assert.True(measure.Elapsed > TimeSpan.Zero);
        Assert.True(measure.CpuTime >= TimeSpan.Zero);
        GC.KeepAlive(buffers);
    }

    [Fact]
    public void Log_writes_wall_cpu_and_allocated_at_the_step()
    {
        var run = new RecordingRunWriter();
        var measure = new OperationMeasure(TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(2500), 4096);

        measure.Log(run, "fit", step: 2);

        Assert.Equal(1.5, run.Metric("time/fit/wall_seconds"));
        Assert.Equal(2.5, run.Metric("time/fit/cpu_seconds"));
        Assert.Equal(4096, run.Metric("time/fit/allocated_bytes"));
        Assert.All(run.Metrics, m => Assert.Equal(2, m.Step));
    }
}

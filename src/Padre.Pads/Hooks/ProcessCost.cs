using System.Diagnostics;

namespace Padre.Pads.Hooks;

/// <summary>
/// CPU time and managed allocations of the whole process at one moment. A hooked call's cost is the difference of two
/// readings: ML.NET trainers run on several threads, so the calling thread's own figures would undercount.
/// </summary>
internal readonly record struct ProcessCost(TimeSpan CpuTime, long AllocatedBytes)
{
    public static ProcessCost Now()
    {
        TimeSpan cpu;
        try
        {
            using var process = Process.GetCurrentProcess();
            cpu = process.TotalProcessorTime;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or PlatformNotSupportedException or System.ComponentModel.Win32Exception)
        {
            // Some sandboxes hide the process's times; the call is still timed by the clock.
            cpu = TimeSpan.Zero;
        }

        return new ProcessCost(cpu, GC.GetTotalAllocatedBytes(precise: false));
    }

    public static ProcessCost operator -(ProcessCost end, ProcessCost start) =>
        new(end.CpuTime - start.CpuTime, Math.Max(0, end.AllocatedBytes - start.AllocatedBytes));
}

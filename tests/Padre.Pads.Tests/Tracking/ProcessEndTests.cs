using System.Diagnostics;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

/// <summary>A child process (tests/Padre.Pads.Tests.Crash) tracks a run into its spool and is killed; the next start recovers it.</summary>
public sealed class ProcessEndTests
{
    [Fact]
    public async Task SIGKILL_mid_run_is_recovered_on_next_start_as_killed_with_everything_up_to_the_last_flush()
    {
        var spool = Directory.CreateTempSubdirectory("padre-crash-").FullName;
        using (var child = StartChild(spool))
        {
            await WaitForReady(child);
            child.Kill(); // SIGKILL: no handler runs
            await child.WaitForExitAsync();
        }

        var store = new RecordingStore();
        await using var next = RecordingSession.Start(store, spool);
        var report = await next.Session.SyncAsync();

        var run = store.RunNamed("child-run");
        Assert.Equal(RunStatus.Killed, run.Info.Status);
        Assert.Equal(1, report.RunsKilled);
        var steps = run.Metrics.Select(m => m.Step).ToArray();
        Assert.True(steps.Length >= 100, $"only {steps.Length} metrics recovered");
        Assert.Equal(Enumerable.Range(0, steps.Length).Select(i => (long)i), steps);
        Assert.Equal("crash-tests", (await store.GetExperimentAsync(run.Info.ExperimentId))!.Name);
    }

    [Fact]
    public async Task SIGTERM_ends_the_open_run_killed_and_keeps_the_exit_code()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX signals only; Windows is covered by the runtime's own mapping of Ctrl+C.
        }

        var plainExit = await TerminatedExitCode(Directory.CreateTempSubdirectory("padre-plain-").FullName, plain: true);
        var spool = Directory.CreateTempSubdirectory("padre-term-").FullName;
        var trackedExit = await TerminatedExitCode(spool, plain: false);
        Assert.Equal(plainExit, trackedExit);

        var store = new RecordingStore();
        await using var next = RecordingSession.Start(store, spool);
        var report = await next.Session.SyncAsync();
        var run = store.RunNamed("child-run");
        Assert.Equal(RunStatus.Killed, run.Info.Status);
        Assert.Equal(0, report.RunsKilled); // it ended itself as KILLED, nothing left for the replay to end
        Assert.True(run.Metrics.Count >= 100);
    }

    private static async Task<int> TerminatedExitCode(string spool, bool plain)
    {
        using var child = StartChild(spool, plain);
        await WaitForReady(child);
        using (var kill = Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await child.WaitForExitAsync(timeout.Token);
        return child.ExitCode;
    }

    private static Process StartChild(string spool, bool plain = false)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Padre.Pads.Tests.Crash.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(spool);
        if (plain)
        {
            start.ArgumentList.Add("plain");
        }

        return Process.Start(start)!;
    }

    private static async Task WaitForReady(Process child)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "ready")
            {
                // Keep draining so the child never blocks on a full pipe.
                _ = child.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = child.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"The crash child exited before it was ready: {await child.StandardError.ReadToEndAsync(timeout.Token)}");
    }
}

using Padre.Pads.Hooks;
using Padre.Pads.Loggers;

namespace Padre.Pads.Tests.Hooks;

/// <summary>Registrations a module initializer hands over run later, but always before the loggers are read or changed.</summary>
public sealed class EventLoggerSetTests
{
    [Fact]
    public void Reading_the_loggers_runs_the_registrations_handed_over_first()
    {
        var set = new EventLoggerSet();
        set.RegisterLater(() => set.Register(new NamedLogger("plugin")));

        Assert.Contains(set.Snapshot, l => l.Name == "plugin");
    }

    [Fact]
    public void Registrations_run_once_however_often_the_loggers_are_read()
    {
        var set = new EventLoggerSet();
        var runs = 0;
        set.RegisterLater(() => runs++);

        _ = set.Snapshot;
        set.RegisterPending();
        _ = set.Snapshot;

        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_logger_the_program_registers_replaces_the_librarys_even_when_the_library_registers_later()
    {
        var set = new EventLoggerSet();
        var library = new NamedLogger("mlnet.model");
        var program = new NamedLogger("mlnet.model");
        set.RegisterLater(() => set.Register(library));

        set.Register(program);

        Assert.Same(program, Assert.Single(set.Snapshot, l => l.Name == "mlnet.model"));
    }

    [Fact]
    public void A_failing_registration_leaves_the_others_registered()
    {
        var set = new EventLoggerSet();
        set.RegisterLater(() => throw new InvalidOperationException("broken plugin"));
        set.RegisterLater(() => set.Register(new NamedLogger("second")));

        Assert.Contains(set.Snapshot, l => l.Name == "second");
    }

    [Fact]
    public async Task Another_thread_reading_the_loggers_waits_for_registrations_already_running()
    {
        var set = new EventLoggerSet();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        set.RegisterLater(() =>
        {
            started.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            set.Register(new NamedLogger("slow"));
        });
        var warmUp = Task.Run(set.RegisterPending);
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));

        var reader = Task.Run(() => set.Snapshot);
        await Task.Delay(100);
        Assert.False(reader.IsCompleted);
        release.Set();

        Assert.Contains(await reader.WaitAsync(TimeSpan.FromSeconds(10)), l => l.Name == "slow");
        await warmUp;
    }

    private sealed class NamedLogger(string name) : IEventLogger
    {
        public string Name => name;

        public HookEvents Events => HookEvents.Output;

        public void OnCall(HookCall call, IRunWriter run)
        {
        }
    }
}

using System.Diagnostics;

namespace Padre.Pads.Tests.Tracking;

/// <summary>
/// A zero-change program's session is built by the background warm-up (tests/Padre.Pads.Tests.Crash, mode
/// <c>zero-change</c>) but started only by the first hooked call, and only while the options it was built from are current.
/// </summary>
public sealed class PreparedSessionTests
{
    [Fact]
    public async Task A_program_that_makes_no_hooked_call_gets_no_store_and_no_spool()
    {
        var directory = Directory.CreateTempSubdirectory("padre-prepared-").FullName;

        var (exitCode, output, errors) = await RunChild(directory);

        Assert.True(exitCode == 0, errors);
        Assert.Equal(string.Empty, output);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task A_variable_the_program_sets_after_the_warm_up_is_honoured_at_the_first_hooked_call()
    {
        var directory = Directory.CreateTempSubdirectory("padre-prepared-").FullName;

        var (exitCode, output, errors) = await RunChild(directory, "set-in-main");

        Assert.True(exitCode == 0, errors);
        Assert.Equal("set-in-main", output.Trim());
        Assert.True(File.Exists(Path.Combine(directory, "mlflow.db")), "the run was not written into the default store");
    }

    [Fact]
    public async Task The_warm_up_of_a_tracked_program_runs_the_libraries_registrations()
    {
        var directory = Directory.CreateTempSubdirectory("padre-prepared-").FullName;

        var (exitCode, output, errors) = await RunChild(directory, mode: "registrations");

        Assert.True(exitCode == 0, errors);
        Assert.Equal("registered", output.Trim());
    }

    [Fact]
    public async Task The_warm_up_of_a_disabled_program_leaves_the_libraries_registrations_for_their_first_use()
    {
        var directory = Directory.CreateTempSubdirectory("padre-prepared-").FullName;

        var (exitCode, output, errors) = await RunChild(directory, mode: "registrations", disabled: true);

        Assert.True(exitCode == 0, errors);
        Assert.Equal("pending", output.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task A_program_tracked_into_the_embedded_store_never_loads_the_REST_client()
    {
        var directory = Directory.CreateTempSubdirectory("padre-prepared-").FullName;

        var (exitCode, output, errors) = await RunChild(directory, mode: "assemblies");

        Assert.True(exitCode == 0, errors);
        Assert.Equal("no rest client", output.Trim());
        Assert.True(File.Exists(Path.Combine(directory, "mlflow.db")), "the run was not written into the default store");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunChild(string directory, string? experiment = null, string mode = "zero-change", bool disabled = false)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Padre.Pads.Tests.Crash.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(mode);
        if (experiment is not null)
        {
            start.ArgumentList.Add(experiment);
        }

        // The child reads its options from its own environment: none of this process's tracking variables.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MLFLOW_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("PADRE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (disabled)
        {
            start.Environment["PADRE_DISABLED"] = "true";
        }

        using var child = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = child.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = child.StandardError.ReadToEndAsync(timeout.Token);
        await child.WaitForExitAsync(timeout.Token);
        return (child.ExitCode, await output, await errors);
    }
}

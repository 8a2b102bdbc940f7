using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Loggers;

/// <summary>The process, dotnet, packages, source, console and resources loggers.</summary>
public sealed class ProgramLoggerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Process_records_pid_working_directory_user_and_command_line()
    {
        var run = new RecordingRunWriter();
        new ProcessLogger(TestContext.With(workingDirectory: _temp.Path), new SecretRedactor([]), ["app.dll", "--epochs", "10"]).OnRunStarted(run);
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), run.Tag("padre.process.id"));
        Assert.Equal(_temp.Path, run.Tag("padre.process.working_directory"));
        Assert.Equal(Environment.UserName, run.Tag("padre.process.user"));
        Assert.Equal("app.dll --epochs 10", run.Tag("padre.process.command_line"));
        Assert.NotNull(run.Tag("padre.process.start_time"));
    }

    [Fact]
    public void Dotnet_records_runtime_gc_and_jit_of_this_process()
    {
        var run = new RecordingRunWriter();
        new DotnetLogger(TestContext.Real() with { EntryAssembly = TestContext.TestAssembly }).OnRunStarted(run);
        Assert.Equal(Environment.Version.ToString(), run.Tag("padre.dotnet.version"));
        Assert.Equal("net10.0", run.Tag("padre.dotnet.target_framework"));
        Assert.Equal(GCSettings.IsServerGC ? "server" : "workstation", run.Tag("padre.dotnet.gc"));
        Assert.Equal("jit", run.Tag("padre.dotnet.compilation"));
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, run.Tag("padre.dotnet.rid"));
    }

    [Fact]
    public void Packages_lists_every_library_of_the_deps_json_with_its_version()
    {
        var deps = Path.Combine(AppContext.BaseDirectory, "Padre.Pads.Tests.deps.json");
        var run = new RecordingRunWriter();
        new PackagesLogger(TestContext.Real() with { DepsFiles = [deps] }).OnRunStarted(run);
        using var packages = JsonDocument.Parse(run.Texts["environment/packages.json"]);
        var byName = packages.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("version").GetString());
        Assert.Equal("2.9.3", byName["xunit"]);
        Assert.Equal("0.1.0", byName["Padre.Pads"]);
        Assert.Equal("0.1.0", run.Tag("padre.package.Padre.Pads"));
        using var raw = JsonDocument.Parse(File.ReadAllText(deps));
        Assert.Equal(raw.RootElement.GetProperty("libraries").EnumerateObject().Count(), byName.Count);
    }

    [Fact]
    public void Packages_without_a_deps_json_says_so()
    {
        var run = new RecordingRunWriter();
        new PackagesLogger(TestContext.Real() with { DepsFiles = [], BaseDirectory = _temp.Path }).OnRunStarted(run);
        Assert.Contains("no *.deps.json", run.Tag("padre.logger.packages.unavailable"));
    }

    [Fact]
    public void Source_records_assembly_identity_and_a_hash_of_its_bytes()
    {
        var assembly = TestContext.TestAssembly;
        var run = new RecordingRunWriter();
        new SourceLogger(TestContext.Real() with { EntryAssembly = assembly, WorkingDirectory = _temp.Path, BaseDirectory = AppContext.BaseDirectory }).OnRunStarted(run);
        Assert.Equal("Padre.Pads.Tests", run.Tag("padre.source.assembly"));
        Assert.Equal(assembly.ManifestModule.ModuleVersionId.ToString(), run.Tag("padre.source.mvid"));
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Padre.Pads.Tests.dll"));
        Assert.Equal("sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(), run.Tag("padre.source.code_hash"));
    }

    [Fact]
    public void Source_snapshots_the_project_next_to_the_program_and_skips_build_output()
    {
        _temp.Write("Experiment.csproj", "<Project />");
        _temp.Write("Program.cs", "Console.WriteLine(42);");
        _temp.Write("Data/Model.cs", "class Model {}");
        _temp.Write("iris.padre.yml", "hooks: []");
        _temp.Write("obj/Generated.cs", "// generated");
        _temp.Write("bin/Debug/net10.0/Copied.cs", "// copied");
        _temp.Write("notes.txt", "not source");
        var run = new RecordingRunWriter();
        new SourceLogger(TestContext.Real() with { WorkingDirectory = _temp.Path, BaseDirectory = Path.Combine(_temp.Path, "bin", "Debug", "net10.0") }).OnRunStarted(run);
        Assert.Equal(["source/Data/Model.cs", "source/Experiment.csproj", "source/Program.cs", "source/iris.padre.yml"], run.Texts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Console.WriteLine(42);", run.Texts["source/Program.cs"]);
        Assert.Equal("4", run.Tag("padre.source.files"));
        Assert.StartsWith("sha256:", run.Tag("padre.source.snapshot_hash"));
    }

    [Fact]
    public void Source_snapshot_hash_differs_when_the_code_differs()
    {
        _temp.Write("Experiment.csproj", "<Project />");
        _temp.Write("Program.cs", "var lr = 0.1;");
        var first = new RecordingRunWriter();
        var logger = new SourceLogger(TestContext.Real() with { WorkingDirectory = _temp.Path, BaseDirectory = _temp.Path });
        logger.OnRunStarted(first);
        _temp.Write("Program.cs", "var lr = 0.2;");
        var second = new RecordingRunWriter();
        logger.OnRunStarted(second);
        Assert.NotEqual(first.Tag("padre.source.snapshot_hash"), second.Tag("padre.source.snapshot_hash"));
    }

    [Fact]
    public void Source_snapshot_leaves_out_oversized_files_and_says_so()
    {
        _temp.Write("Experiment.csproj", "<Project />");
        _temp.Write("Huge.cs", new string('x', SourceLogger.MaxFileBytes + 1));
        var run = new RecordingRunWriter();
        new SourceLogger(TestContext.Real() with { WorkingDirectory = _temp.Path, BaseDirectory = _temp.Path }).OnRunStarted(run);
        Assert.False(run.Texts.ContainsKey("source/Huge.cs"));
        Assert.Contains("1 files left out", run.Tag("padre.logger.source.unavailable"));
    }

    [Fact]
    public void Source_without_a_project_or_entry_assembly_says_what_is_missing()
    {
        var run = new RecordingRunWriter();
        new SourceLogger(TestContext.Real() with { EntryAssembly = null, WorkingDirectory = _temp.Path, BaseDirectory = _temp.Path }).OnRunStarted(run);
        var unavailable = run.Tag("padre.logger.source.unavailable");
        Assert.Contains("no managed entry assembly", unavailable);
        Assert.Contains("no *.csproj found", unavailable);
        Assert.Empty(run.Texts);
    }

    [Fact]
    public void Resources_records_wall_and_cpu_time_gc_counts_and_status_at_the_end()
    {
        var run = new RecordingRunWriter();
        var logger = new ResourcesLogger(TimeProvider.System);
        logger.OnRunStarted(run);
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 30) { }
        GC.Collect(0);
        logger.OnRunEnding(run, RunStatus.Failed);
        var metrics = run.Metrics.ToDictionary(m => m.Key, m => m.Value);
        Assert.InRange(metrics["resources/wall_time_seconds"], 0.03, 30);
        Assert.True(metrics["resources/cpu_user_seconds"] + metrics["resources/cpu_system_seconds"] > 0);
        Assert.True(metrics["resources/gc_gen0_collections"] >= 1);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        Assert.InRange(metrics["resources/peak_working_set_megabytes"], self.WorkingSet64 / 1e6 / 4, self.PeakWorkingSet64 / 1e6 + 1);
        Assert.Equal("FAILED", run.Tag("padre.run.status"));
    }
}

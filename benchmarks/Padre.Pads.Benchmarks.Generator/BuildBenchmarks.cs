using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// Real <c>dotnet build</c>s of the 200-file project, with Padre.Pads wired (<c>full</c>) and without
/// (<c>none</c>), with cold csc (<c>UseSharedCompilation=false</c>, what this machine does) and with the
/// compiler server: a full rebuild (<c>--no-incremental</c>) and a build after a one-line edit of one file.
/// Each operation launches a process, so one warm-up and three measured iterations, one build each (eight cases
/// keep the whole script near ten minutes on a quiet machine).
/// </summary>
[Config(typeof(BuildJob))]
public class BuildBenchmarks
{
    private SyntheticProject _project = null!;
    private int _edits;

    [Params("full", "none")]
    public string Wiring { get; set; } = "full";

    [Params(false, true)]
    public bool CompilerServer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticProject.Write();
        File.WriteAllText(_project.EditedFilePath, SyntheticProject.EditedFileOriginalText);
        if (!File.Exists(Path.Combine(_project.Directory, "obj", Wiring, "project.assets.json")))
        {
            DotnetBuild.Prepare(_project);
        }

        // Brings this wiring's outputs up to date with the original sources (an earlier case may have left an edit).
        DotnetBuild.Build(_project, Wiring, compilerServer: false, rebuild: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.WriteAllText(_project.EditedFilePath, SyntheticProject.EditedFileOriginalText);
        if (CompilerServer)
        {
            DotnetBuild.ShutDownCompilerServer(_project);
        }
    }

    [IterationSetup(Target = nameof(Build_after_one_line_edit))]
    public void EditOneFile() =>
        File.WriteAllText(_project.EditedFilePath, SyntheticSources.Edited(SyntheticProject.EditedFileOriginalText, ++_edits));

    [Benchmark]
    public void Rebuild() => DotnetBuild.Build(_project, Wiring, CompilerServer, rebuild: true);

    [Benchmark]
    public void Build_after_one_line_edit() => DotnetBuild.Build(_project, Wiring, CompilerServer, rebuild: false);

    private sealed class BuildJob : ManualConfig
    {
        public BuildJob()
        {
            // In-process: each operation is a separate dotnet process anyway; the host only waits for it.
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Build"));
        }
    }
}

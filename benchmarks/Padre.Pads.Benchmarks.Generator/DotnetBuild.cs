using System.Diagnostics;
using System.Text;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// One <c>dotnet build</c> of the synthetic project. The compiler-server leg overrides this machine's
/// <c>UseSharedCompilation=false</c> environment; MSBuild node reuse stays off in both legs so that the compiler
/// server is the only difference between them.
/// </summary>
internal static class DotnetBuild
{
    public static void Restore(SyntheticProject project, string wiring) =>
        Run(project, ["restore", project.ProjectFile, "-nologo", "-v:q", $"-p:PadrePadsWiring={wiring}"], compilerServer: false);

    /// <summary>Builds only the synthetic project (<c>--no-dependencies</c>): the referenced Padre.Pads projects are built once, in setup.</summary>
    public static string Build(SyntheticProject project, string wiring, bool compilerServer, bool rebuild, params string[] extra) =>
        Build(project, wiring, compilerServer, rebuild, new Dictionary<string, string>(), extra);

    /// <summary>The same, with extra environment variables for every process of the build (csc included).</summary>
    public static string Build(SyntheticProject project, string wiring, bool compilerServer, bool rebuild, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var args = new List<string>
        {
            "build", project.ProjectFile, "--no-restore", "--no-dependencies", "-nologo", "-nodeReuse:false",
            $"-p:PadrePadsWiring={wiring}", $"-p:UseSharedCompilation={(compilerServer ? "true" : "false")}",
        };
        if (rebuild)
        {
            args.Add("--no-incremental");
        }

        args.AddRange(extra.Length == 0 ? ["-v:q"] : extra);
        return Run(project, args, compilerServer, environment);
    }

    /// <summary>Restores and builds both wirings with their references, so every benchmark starts from built outputs.</summary>
    public static void Prepare(SyntheticProject project)
    {
        foreach (var wiring in new[] { "full", "none" })
        {
            Restore(project, wiring);
            BuildWithReferences(project, wiring);
        }
    }

    /// <summary>Builds the project with its references (setup: makes the Padre.Pads outputs exist).</summary>
    public static void BuildWithReferences(SyntheticProject project, string wiring) =>
        Run(project, ["build", project.ProjectFile, "--no-restore", "-nologo", "-v:q", "-nodeReuse:false", $"-p:PadrePadsWiring={wiring}"], compilerServer: false);

    /// <summary>Stops the compiler server the server leg started (only VBCSCompiler; other servers are not ours).</summary>
    public static void ShutDownCompilerServer(SyntheticProject project) =>
        Run(project, ["build-server", "shutdown", "--vbcscompiler"], compilerServer: false);

    private static string Run(SyntheticProject project, IReadOnlyList<string> args, bool compilerServer, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["UseSharedCompilation"] = compilerServer ? "true" : "false";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{output}");
        }

        return output.ToString();
    }
}

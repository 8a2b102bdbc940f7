using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Records the .NET runtime: version, the app's target framework, runtime identifier, GC mode, JIT or AOT.</summary>
internal sealed class DotnetLogger(RunLoggerContext context) : IRunLogger
{
    public string Name => "dotnet";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        run.SetTag("padre.dotnet.runtime", RuntimeInformation.FrameworkDescription);
        run.SetTag("padre.dotnet.version", Environment.Version.ToString());
        run.SetTag("padre.dotnet.rid", RuntimeInformation.RuntimeIdentifier);
        var framework = context.EntryAssembly?.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName ?? AppContext.TargetFrameworkName;
        if (framework is not null)
            run.SetTag("padre.dotnet.target_framework", ShortName(framework));
        else
            unavailable.Add("target_framework", "the entry assembly declares no target framework");
        run.SetTag("padre.dotnet.gc", GCSettings.IsServerGC ? "server" : "workstation");
        // Concurrent (background) GC is on unless the app switched it off.
        run.SetTag("padre.dotnet.gc_concurrent", AppContext.GetData("System.GC.Concurrent") is bool concurrent && !concurrent ? "false" : "true");
        run.SetTag("padre.dotnet.gc_latency_mode", GCSettings.LatencyMode.ToString());
        run.SetTag("padre.dotnet.compilation", RuntimeFeature.IsDynamicCodeSupported ? "jit" : "aot");
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    /// <summary>".NETCoreApp,Version=v10.0" -> "net10.0", the name users write in a project file; others kept as they are.</summary>
    internal static string ShortName(string frameworkName)
    {
        const string core = ".NETCoreApp,Version=v";
        return frameworkName.StartsWith(core, StringComparison.Ordinal) ? "net" + frameworkName[core.Length..] : frameworkName;
    }
}

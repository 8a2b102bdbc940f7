using System.Reflection;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;

namespace Padre.Pads.MLNet.Tests.Support;

/// <summary>
/// Drives the adapter as generated code does: a site, the live arguments, the result. The call's constructor is
/// internal to the runtime (the host that starts calls is the tracker's business), so it is reached by reflection.
/// </summary>
public static class HookedCalls
{
    private static readonly ConstructorInfo Constructor =
        typeof(HookCall).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic).Single();

    /// <summary>A call of <paramref name="target"/> at Program.cs(10,5) that returned <paramref name="result"/>.</summary>
    public static HookCall Complete(IRunWriter writer, Hook hook, string target, SiteParameter[] parameters, object?[] arguments, object? result)
    {
        var site = new InterceptionSite("Program.cs", 10, 5, target, hook, target, parameters);
        var call = (HookCall)Constructor.Invoke([site, null, arguments, writer, null]);
        call.Complete(result);
        return call;
    }
}

using System.Reflection;
using System.Reflection.PortableExecutable;

namespace Padre.Pads.Testing;

/// <summary>
/// Reads whether an assembly carries ReadyToRun native code (build/ReadyToRun.targets), from its PE headers:
/// crossgen2 fills the CLI header's ManagedNativeHeader directory with a READYTORUN_HEADER, signature "RTR".
/// Linked into the test projects that check the generator they load or pack.
/// </summary>
internal static class ReadyToRunImage
{
    private const uint Signature = 0x00525452; // "RTR\0", little-endian

    public static bool Is(Stream assembly)
    {
        using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchEntireImage);
        var directory = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory ?? default;
        if (directory.Size < sizeof(uint))
        {
            return false;
        }

        return pe.GetSectionData(directory.RelativeVirtualAddress).GetReader().ReadUInt32() == Signature;
    }

    /// <summary>Whether the build that produced the test assembly had crossgen2, so the generator and analyzers are ReadyToRun (build/ReadyToRun.props).</summary>
    public static bool ExpectedFor(Assembly testAssembly) =>
        testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PluginReadyToRunExpected").Value == "true";
}

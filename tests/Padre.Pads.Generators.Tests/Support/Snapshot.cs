using System.Reflection;

namespace Padre.Pads.Generators.Tests.Support;

/// <summary>
/// Approved-file snapshots: <c>Snapshots/Name.approved.cs</c> is committed; a mismatch writes
/// <c>Name.received.cs</c> beside it and fails with the first differing lines. Approve by renaming.
/// </summary>
internal static class Snapshot
{
    // The source folder, recorded at build time: CI builds map source paths to /_/, so CallerFilePath
    // would point nowhere there.
    private static readonly string Folder = typeof(Snapshot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SnapshotFolder").Value!;

    public static void Match(string name, string actual)
    {
        var folder = Folder;
        var approved = Path.Combine(folder, name + ".approved.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        if (File.Exists(approved) && File.ReadAllText(approved).Replace("\r\n", "\n") == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        if (!File.Exists(approved))
        {
            Assert.Fail($"No approved snapshot '{approved}'. Review '{received}' and rename it to approve.");
        }

        var expectedLines = File.ReadAllText(approved).Replace("\r\n", "\n").Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                Assert.Fail($"Snapshot '{name}' differs at line {i + 1}:\n  approved: {e}\n  received: {a}\nFull output: {received}");
            }
        }
    }
}

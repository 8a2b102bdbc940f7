using Padre.Pads.Export;

namespace Padre.Pads.Tests.Export;

/// <summary>The warm-up's head start on file opening touches nothing: it only reads the running executable.</summary>
public sealed class SpoolWarmUpTests
{
    [Fact]
    public void Warming_up_creates_and_changes_no_file_in_the_executables_folder()
    {
        var executable = Environment.ProcessPath!;
        var folder = Path.GetDirectoryName(executable)!;
        var before = Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal).ToArray();
        var written = File.GetLastWriteTimeUtc(executable);

        Spool.WarmUp();

        Assert.Equal(before, Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(written, File.GetLastWriteTimeUtc(executable));
    }
}

using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Padre.Pads.Package.Tests.Support;

/// <summary>The Padre.Pads nupkg this test project's build packed beside the test assembly.</summary>
internal static partial class PackedPackage
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "packages");

    /// <summary>Null when the build did not pack (the tests then say so instead of failing obscurely).</summary>
    public static string? Find() =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "Padre.Pads.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault() : null;

    public static string RequirePath() =>
        Find() ?? throw new InvalidOperationException($"No Padre.Pads.*.nupkg in {Folder}: the test project's _PackPadrePads target did not run; build the test project with `dotnet build tests/Padre.Pads.Package.Tests`.");

    public static string RepositoryRoot =>
        typeof(PackedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PadreRepositoryRoot").Value!;

    /// <summary>
    /// Copies the package into <paramref name="feed"/> under a version no earlier test used, so a consumer's
    /// restore can never pick a stale copy from the global packages folder.
    /// </summary>
    public static string CopyWithUniqueVersion(string feed)
    {
        var version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.Combine(feed, $"Padre.Pads.{version}.nupkg");
        File.Copy(RequirePath(), target);
        using var zip = ZipFile.Open(target, ZipArchiveMode.Update);
        var entry = zip.GetEntry("Padre.Pads.nuspec") ?? throw new InvalidOperationException("The package has no Padre.Pads.nuspec.");
        string nuspec;
        using (var reader = new StreamReader(entry.Open()))
        {
            nuspec = reader.ReadToEnd();
        }

        entry.Delete();
        using (var writer = new StreamWriter(zip.CreateEntry("Padre.Pads.nuspec").Open()))
        {
            writer.Write(VersionElement().Replace(nuspec, $"<version>{version}</version>", 1));
        }

        return version;
    }

    [GeneratedRegex("<version>[^<]+</version>")]
    private static partial Regex VersionElement();
}

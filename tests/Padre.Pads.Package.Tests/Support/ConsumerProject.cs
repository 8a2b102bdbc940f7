using System.Globalization;

namespace Padre.Pads.Package.Tests.Support;

/// <summary>
/// A fresh user project in a temporary folder that references the packed Padre.Pads from a local feed only: no
/// ProjectReference, no repository build files (empty Directory.Build/Packages.props above it), warnings as errors.
/// Disposing deletes the folder and the uniquely versioned copy NuGet restored.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private const string ProjectText = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <!-- This machine's NuGet mirror lacks some exact lower bounds (next patch resolved); not a package problem. -->
            <NoWarn>$(NoWarn);NU1603</NoWarn>{1}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Padre.Pads" Version="{0}" />
          </ItemGroup>
        </Project>
        """;

    private const string NuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="padre-test-feed" value="{0}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
        </configuration>
        """;

    private readonly DirectoryInfo root;
    private readonly string version;

    /// <param name="name">Prefix of the temporary folder.</param>
    /// <param name="program">The project's Program.cs.</param>
    /// <param name="extraProperties">MSBuild properties added to the project, e.g. <c>&lt;PublishAot&gt;true&lt;/PublishAot&gt;</c>.</param>
    public ConsumerProject(string name, string program, string extraProperties = "")
    {
        root = Directory.CreateTempSubdirectory(name);
        var feed = Directory.CreateDirectory(Path.Combine(root.FullName, "feed")).FullName;
        App = Directory.CreateDirectory(Path.Combine(root.FullName, "app")).FullName;
        version = PackedPackage.CopyWithUniqueVersion(feed);
        File.WriteAllText(Path.Combine(root.FullName, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root.FullName, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(App, "NuGet.config"), string.Format(CultureInfo.InvariantCulture, NuGetConfig, feed));
        var properties = extraProperties.Length == 0 ? string.Empty : "\n    " + extraProperties;
        File.WriteAllText(Path.Combine(App, "Consumer.csproj"), string.Format(CultureInfo.InvariantCulture, ProjectText, version, properties));
        File.WriteAllText(Path.Combine(App, "Program.cs"), program);
    }

    /// <summary>The project folder.</summary>
    public string App { get; }

    /// <summary>A new folder beside the project (publish output, a working directory).</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(root.FullName, name)).FullName;

    public void Dispose()
    {
        root.Delete(recursive: true);
        ForgetRestoredCopy(version);
    }

    // The unique version is never used again: keep the global packages folder from growing with each run.
    private static void ForgetRestoredCopy(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var copy = Path.Combine(packages, "padre.pads", version);
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Records every NuGet package (and project) the running app was built with, from its <c>*.deps.json</c>, as
/// the artifact <c>environment/packages.json</c>, with the key ones (Microsoft.ML, Padre.Pads) as tags.
/// </summary>
internal sealed class PackagesLogger(RunLoggerContext context) : IRunLogger
{
    internal static readonly string[] KeyPackages = ["Microsoft.ML", "Microsoft.ML.FastTree", "Microsoft.ML.LightGbm", "Padre.Pads", "Padre.Pads.MLNet"];

    public string Name => "packages";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        var depsFile = context.DepsFiles.Select(f => Path.GetFullPath(f, context.BaseDirectory)).FirstOrDefault(File.Exists) ?? GuessDepsFile();
        if (depsFile is null)
        {
            unavailable.Add("packages", "the app has no *.deps.json (published as a single file or run without the .NET host)");
            unavailable.WriteTo(run);
            return;
        }
        List<Library> libraries;
        try
        {
            libraries = Parse(File.ReadAllBytes(depsFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            unavailable.Add("packages", $"{depsFile} could not be read ({e.Message})");
            unavailable.WriteTo(run);
            return;
        }
        run.SetTag("padre.packages.count", libraries.Count(l => l.Type == "package").ToString(CultureInfo.InvariantCulture));
        foreach (var library in libraries.Where(l => KeyPackages.Contains(l.Name, StringComparer.OrdinalIgnoreCase)))
            run.SetTag("padre.package." + library.Name, library.Version);
        run.LogText(ToJson(libraries), "environment/packages.json");
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    internal sealed record Library(string Name, string Version, string Type);

    /// <summary>The <c>libraries</c> of a deps.json ("Name/Version": { "type": ... }), sorted by name.</summary>
    internal static List<Library> Parse(byte[] depsJson)
    {
        using var document = JsonDocument.Parse(depsJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var libraries = new List<Library>();
        if (document.RootElement.TryGetProperty("libraries", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var library in section.EnumerateObject())
            {
                var slash = library.Name.LastIndexOf('/');
                if (slash <= 0)
                    continue;
                var type = library.Value.ValueKind == JsonValueKind.Object && library.Value.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                libraries.Add(new Library(library.Name[..slash], library.Name[(slash + 1)..], type));
            }
        }
        libraries.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return libraries;
    }

    private static string ToJson(List<Library> libraries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var library in libraries)
            {
                writer.WriteStartObject();
                writer.WriteString("name", library.Name);
                writer.WriteString("version", library.Version);
                writer.WriteString("type", library.Type);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The host's list is empty under some hosts (test runners, custom hosts): then the entry assembly's deps.json,
    // else the only deps.json next to the app.
    private string? GuessDepsFile()
    {
        var name = context.EntryAssembly?.GetName().Name;
        var path = name is null ? null : Path.Combine(context.BaseDirectory, name + ".deps.json");
        if (path is not null && File.Exists(path))
            return path;
        try
        {
            var candidates = Directory.GetFiles(context.BaseDirectory, "*.deps.json");
            return candidates.Length == 1 ? candidates[0] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

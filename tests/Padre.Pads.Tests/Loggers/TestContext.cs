using System.Reflection;
using Padre.Pads.Loggers.Run;

namespace Padre.Pads.Tests.Loggers;

/// <summary>Logger contexts for tests: the real process, or one with a fake root, directory or environment.</summary>
internal static class TestContext
{
    public static RunLoggerContext Real() => RunLoggerContext.ForThisProcess();

    public static RunLoggerContext With(string? root = null, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null,
        string? baseDirectory = null)
    {
        var real = RunLoggerContext.ForThisProcess();
        return real with
        {
            Files = root is null ? real.Files : new MachineFiles(root),
            WorkingDirectory = workingDirectory ?? real.WorkingDirectory,
            BaseDirectory = baseDirectory ?? real.BaseDirectory,
            Environment = environment ?? real.Environment,
        };
    }

    public static Dictionary<string, string> EnvironmentWith(params (string Key, string Value)[] overrides)
    {
        var environment = new Dictionary<string, string>(RunLoggerContext.ForThisProcess().Environment, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
            environment[key] = value;
        return environment;
    }

    public static Assembly TestAssembly => typeof(TestContext).Assembly;
}

/// <summary>A temporary directory deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "padre-loggers-" + Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
                File.SetAttributes(file, FileAttributes.Normal); // git makes objects read-only
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using System.Collections;

namespace Padre.Pads.Configuration;

/// <summary>
/// The process's options as the background warm-up read them, with what they were read from, so the first hooked call
/// need not read and parse them again on the program's thread (3-5 ms there when the warm-up is still running).
/// They are used only while what <see cref="TrackingOptions.FromEnvironment"/> depends on is unchanged: the
/// <c>MLFLOW_*</c> and <c>PADRE_*</c> variables and the working directory. A program that sets a variable or changes
/// directory in its <c>Main</c> before its first hooked call gets its options read afresh.
/// </summary>
internal sealed class PreparedOptions
{
    private readonly string source;

    private PreparedOptions(TrackingOptions options, string source)
    {
        Options = options;
        this.source = source;
    }

    public TrackingOptions Options { get; }

    /// <summary>Reads the options from <paramref name="environment"/>; null when they could not be kept (see <see cref="Source"/>).</summary>
    /// <param name="environment">The variables, as <see cref="Environment.GetEnvironmentVariables()"/> gives them.</param>
    /// <param name="workingDirectory">Null: the current directory (tests name one, as the process's is shared).</param>
    public static PreparedOptions? Read(IDictionary environment, string? workingDirectory = null)
    {
        // The source first: a change made while the options are read then shows as a different source later.
        return Source(environment, workingDirectory) is { } source
            ? new PreparedOptions(TrackingOptions.FromEnvironment(environment, workingDirectory), source)
            : null;
    }

    /// <summary>These options when <paramref name="environment"/> and the working directory are as they were; else null.</summary>
    public TrackingOptions? IfCurrent(IDictionary environment, string? workingDirectory = null) =>
        Source(environment, workingDirectory) is { } now && string.Equals(now, source, StringComparison.Ordinal) ? Options : null;

    /// <summary>
    /// What the options are read from, as one string: the working directory and the <c>MLFLOW_*</c>/<c>PADRE_*</c>
    /// variables in order. Null when <c>./mlruns</c> exists: the default store then depends on its contents
    /// (<see cref="TrackingUri.Parse"/>), which a string of names cannot stand for, so the options are read afresh.
    /// </summary>
    internal static string? Source(IDictionary environment, string? workingDirectory = null)
    {
        var directory = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory);
        if (Directory.Exists(Path.Combine(directory, "mlruns")))
        {
            return null;
        }

        var variables = new List<string>();
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name
                && (name.StartsWith("MLFLOW_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("PADRE_", StringComparison.OrdinalIgnoreCase)))
            {
                variables.Add(name + "=" + entry.Value);
            }
        }

        variables.Sort(StringComparer.Ordinal);
        variables.Add(directory);
        return string.Join("\0", variables);
    }
}

using System.Diagnostics;
using System.Text;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Runs an external tool (git, nvidia-smi) with a time limit, so a hung or slow tool can never hold a run up.
/// </summary>
internal static class ExternalCommand
{
    /// <summary>The full path of <paramref name="name"/> found on <paramref name="pathVariable"/>, or null.</summary>
    public static string? Find(string name, string? pathVariable)
    {
        if (string.IsNullOrEmpty(pathVariable))
            return null;
        var candidates = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd", name } : new[] { name };
        foreach (var dir in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in candidates)
            {
                try
                {
                    var full = Path.Combine(dir.Trim('"'), candidate);
                    if (File.Exists(full))
                        return full;
                }
                catch (ArgumentException)
                {
                    // A malformed PATH entry is skipped, like a shell does.
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Runs the tool and returns its standard output (at most <paramref name="maxChars"/>, the rest dropped and flagged),
    /// or null with <paramref name="why"/> when it failed, exited non-zero or ran past <paramref name="timeout"/>.
    /// </summary>
    public static string? Run(string executable, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout,
        out string why, out bool truncated, int maxChars = 1 << 20, IReadOnlyDictionary<string, string>? environment = null)
    {
        truncated = false;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (key, value) in environment)
                start.Environment[key] = value;

        var output = new StringBuilder();
        var dropped = false;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (output)
            {
                if (output.Length + e.Data.Length + 1 <= maxChars)
                    output.Append(e.Data).Append('\n');
                else
                    dropped = true;
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        try
        {
            if (!process.Start())
            {
                why = $"{Path.GetFileName(executable)} did not start";
                return null;
            }
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (System.ComponentModel.Win32Exception) { }
                why = $"{Path.GetFileName(executable)} did not finish within {timeout.TotalSeconds:0.#} s and was stopped";
                return null;
            }
            process.WaitForExit(); // drains the asynchronous readers
            if (process.ExitCode != 0)
            {
                why = $"{Path.GetFileName(executable)} exited with code {process.ExitCode}";
                return null;
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            why = $"{Path.GetFileName(executable)} could not be run ({e.Message})";
            return null;
        }
        why = "";
        lock (output)
        {
            truncated = dropped;
            return output.ToString();
        }
    }
}

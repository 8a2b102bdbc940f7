using System.Diagnostics;
using System.Globalization;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Records the process: id, executable, command line (secrets removed), working directory, user, start time.</summary>
internal sealed class ProcessLogger(RunLoggerContext context, SecretRedactor redactor, IReadOnlyList<string> commandLine) : IRunLogger
{
    public string Name => "process";

    public void OnRunStarted(IRunWriter run)
    {
        run.SetTag("padre.process.id", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Environment.ProcessPath is { } executable)
            run.SetTag("padre.process.executable", executable);
        run.SetTag("padre.process.command_line", Join(redactor.RedactArguments(commandLine)));
        run.SetTag("padre.process.working_directory", context.WorkingDirectory);
        run.SetTag("padre.process.user", Environment.UserName);
        try
        {
            using var self = Process.GetCurrentProcess();
            run.SetTag("padre.process.start_time", self.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            var unavailable = new Unavailable(Name);
            unavailable.Add("start_time", e.Message);
            unavailable.WriteTo(run);
        }
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    // Quoted so the line can be pasted back into a shell.
    internal static string Join(IEnumerable<string> arguments) =>
        string.Join(" ", arguments.Select(a => a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? "\"" + a.Replace("\"", "\\\"") + "\"" : a));
}

using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Padre.Pads.Tracking;

/// <summary>
/// Where Padre.Pads' own messages go: the user's <see cref="Log.Logger"/> when one is configured, otherwise
/// warnings and errors to stderr. Messages never carry credentials.
/// </summary>
internal static class SdkLog
{
    private static readonly Lazy<ILogger> Fallback = new(() => new LoggerConfiguration()
        .MinimumLevel.Warning()
        .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[padre {Level:u3}] {Message:lj}{NewLine}{Exception}")
        .CreateLogger());

    private static ILogger Current =>
        ReferenceEquals(Log.Logger, Logger.None) || Log.Logger.GetType().Name == "SilentLogger"
            ? Fallback.Value
            : Log.Logger.ForContext(Constants.SourceContextPropertyName, "Padre.Pads");

    public static void Warning(string template, params object?[] values) => Current.Warning(template, values);

    public static void Warning(Exception exception, string template, params object?[] values) => Current.Warning(exception, template, values);

    public static void Error(Exception exception, string template, params object?[] values) => Current.Error(exception, template, values);

    public static void Debug(string template, params object?[] values) => Current.Debug(template, values);
}

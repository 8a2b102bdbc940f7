using System.Globalization;
using System.Text;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Padre.Pads.Tracking;

/// <summary>
/// Where Padre.Pads' own messages go: the user's <see cref="Log.Logger"/> when one is configured, otherwise
/// warnings and errors to stderr. Messages never carry credentials.
/// </summary>
/// <remarks>
/// The stderr fallback renders the template itself instead of building a Serilog pipeline: a Serilog logger brings
/// its object destructuring into a NativeAOT program, whose one trim warning (IL2067) would then be the user's
/// although Padre.Pads never destructures. A program that configures Serilog itself has that warning from Serilog.
/// </remarks>
internal static class SdkLog
{
    // The default Log.Logger is a silent logger, enabled for nothing; a configured one is enabled at least for Fatal.
    private static ILogger? UserLogger =>
        Log.Logger.IsEnabled(LogEventLevel.Fatal) ? Log.Logger.ForContext(Constants.SourceContextPropertyName, "Padre.Pads") : null;

    public static void Warning(string template, params object?[] values) => Write(LogEventLevel.Warning, null, template, values);

    public static void Warning(Exception exception, string template, params object?[] values) => Write(LogEventLevel.Warning, exception, template, values);

    public static void Error(Exception exception, string template, params object?[] values) => Write(LogEventLevel.Error, exception, template, values);

    public static void Debug(string template, params object?[] values) => Write(LogEventLevel.Debug, null, template, values);

    private static void Write(LogEventLevel level, Exception? exception, string template, object?[] values)
    {
        if (UserLogger is { } user)
        {
            user.Write(level, exception, template, values);
            return;
        }

        if (level < LogEventLevel.Warning)
        {
            return;
        }

        var line = new StringBuilder("[padre ").Append(level == LogEventLevel.Warning ? "WRN" : "ERR").Append("] ");
        Render(template, values, line);
        if (exception is not null)
        {
            line.Append('\n').Append(exception);
        }

        Console.Error.WriteLine(line.ToString());
    }

    /// <summary>Renders a message template with positional values as Serilog's <c>{Message:lj}</c> does for scalars.</summary>
    internal static void Render(string template, object?[] values, StringBuilder into)
    {
        var index = 0;
        foreach (var token in new MessageTemplateParser().Parse(template).Tokens)
        {
            if (token is not PropertyToken property)
            {
                into.Append(((TextToken)token).Text);
                continue;
            }

            if (index >= values.Length)
            {
                into.Append(property);
                continue;
            }

            into.Append(values[index++] switch
            {
                null => "null",
                string text => text,
                IFormattable formattable => formattable.ToString(property.Format, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            });
        }
    }
}

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// The writer <see cref="Console"/> itself makes for stdout or stderr (its stream, its output encoding without a byte
/// order mark, a 256-character buffer flushed after every write, synchronized), made when first written to.
/// </summary>
/// <remarks>
/// The console is teed from the module initializer, before the program's <c>Main</c>. Asking <see cref="Console.Out"/>
/// and <see cref="Console.Error"/> for the writers to tee would make both there, on the program's thread, although an
/// untracked program makes stdout's only at its first print and stderr's usually never. Made here on first use, they
/// cost what they cost the untracked program, when they cost it.
/// </remarks>
internal static class StandardStreamWriter
{
    /// <summary>Console's writer for stdout, made on first use.</summary>
    public static Lazy<TextWriter> Output() => new(() => Open(Console.OpenStandardOutput()));

    /// <summary>Console's writer for stderr, made on first use.</summary>
    public static Lazy<TextWriter> Error() => new(() => Open(Console.OpenStandardError()));

    /// <summary>
    /// Whether no startup hook ran: <c>DOTNET_STARTUP_HOOKS</c> runs code before the program's module initializer, and
    /// that code may have set writers of its own, which must then be teed, not replaced.
    /// </summary>
    public static bool NoStartupHook() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_STARTUP_HOOKS")) &&
        string.IsNullOrEmpty(AppContext.GetData("STARTUP_HOOKS") as string);

    // As Console.CreateOutputWriter does it: Console.OutputEncoding is already without its preamble, and a stream the
    // OS does not give (Stream.Null) is written to as nothing.
    private static TextWriter Open(Stream stream) =>
        stream == Stream.Null
            ? TextWriter.Null
            : TextWriter.Synchronized(new StreamWriter(stream, Console.OutputEncoding, 256, leaveOpen: true) { AutoFlush = true });
}

namespace Padre.Pads.Loggers.Run;

/// <summary>The captures one console stream is copied into right now: none, the pre-run capture, and each open run's.</summary>
/// <remarks>Copy-on-write, so a write reads the current set without taking the tap's lock.</remarks>
internal sealed class ConsoleFanOut
{
    private ConsoleCapture[] targets = [];

    public bool IsEmpty => Volatile.Read(ref targets).Length == 0;

    public void Add(ConsoleCapture capture) => Volatile.Write(ref targets, [.. Volatile.Read(ref targets), capture]);

    public void Remove(ConsoleCapture capture) =>
        Volatile.Write(ref targets, [.. Volatile.Read(ref targets).Where(c => !ReferenceEquals(c, capture))]);

    public void Append(char c)
    {
        foreach (var capture in Volatile.Read(ref targets))
            capture.Append(c);
    }

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var capture in Volatile.Read(ref targets))
            capture.Append(text);
    }
}

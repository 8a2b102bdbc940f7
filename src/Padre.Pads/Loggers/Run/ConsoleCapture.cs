using System.Text;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Keeps a bounded copy of console output: the beginning and the end, with a note of how much was left out between,
/// because the start says what ran and the end says how it failed.
/// </summary>
internal sealed class ConsoleCapture(int headChars = ConsoleCapture.DefaultHalf, int tailChars = ConsoleCapture.DefaultHalf)
{
    internal const int DefaultHalf = 512 * 1024;

    private readonly StringBuilder _head = new();
    // Allocated when the head is full: most programs never print that much, and a capture is made per run.
    private char[]? _tail;
    private int _tailStart;
    private int _tailLength;
    private long _dropped;

    public void Append(char c)
    {
        lock (_head)
            AppendUnlocked(c);
    }

    public void Append(ReadOnlySpan<char> text)
    {
        lock (_head)
            foreach (var c in text)
                AppendUnlocked(c);
    }

    public override string ToString()
    {
        lock (_head)
        {
            var text = new StringBuilder(_head.Length + _tailLength + 80);
            text.Append(_head);
            if (_dropped > 0)
                text.Append("\n[padre: ").Append(_dropped).Append(" characters left out]\n");
            for (var i = 0; i < _tailLength; i++)
                text.Append(_tail![(_tailStart + i) % _tail.Length]);
            return text.ToString();
        }
    }

    private void AppendUnlocked(char c)
    {
        if (_head.Length < headChars)
        {
            _head.Append(c);
            return;
        }
        if (tailChars <= 0)
        {
            _dropped++;
            return;
        }

        _tail ??= new char[tailChars];
        if (_tailLength < _tail.Length)
        {
            _tail[(_tailStart + _tailLength++) % _tail.Length] = c;
            return;
        }
        _tail[_tailStart] = c; // the oldest tail character makes room
        _tailStart = (_tailStart + 1) % _tail.Length;
        _dropped++;
    }
}

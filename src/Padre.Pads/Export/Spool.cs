using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Padre.Pads.Export;

/// <summary>
/// This process's segment of the durable spool: every record is appended here before it is sent, so a dead
/// store or a killed process loses nothing.
/// </summary>
/// <remarks>
/// Files of a segment <c>S</c> in the spool directory:
/// <list type="bullet">
/// <item><c>S.spool</c>: the records, one line each, append-only (format: <see cref="SpoolCodec"/>). Lines are
/// flushed to the OS after every append, so they survive the process being killed (not a power loss).</item>
/// <item><c>S.pos</c>: how many lines from the start the store has confirmed (decimal text, replaced atomically).
/// Lines are confirmed in prefix order: a line after an unconfirmed one is sent again on replay.</item>
/// <item><c>S.lock</c>: held open exclusively while the owning process lives, and by a process replaying the
/// segment, so a live or in-replay segment is never replayed twice.</item>
/// <item><c>S.staging/</c>: text and JSON artifacts written from memory, referenced by their lines.</item>
/// </list>
/// Bindings (local run id → store run id) are lines too, so a replay sends records to the run the store made.
/// A long-running process rotates: once everything is confirmed and the segment is big, a new segment starts with
/// the open runs carried over (<see cref="CarryOver"/>) and the old one is deleted, so the spool stays small.
/// </remarks>
internal sealed class Spool : IDisposable
{
    private readonly object gate = new();
    private readonly FileStream lockFile;
    private readonly FileStream data;
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private readonly ArrayBufferWriter<byte> json = new(1024);
    // Made at the first append, on the exporter's thread: its first use loads System.Text.Json, which session creation
    // (on the program's thread, at its first hooked call) then does not wait for.
    private Utf8JsonWriter? jsonWriter;

    private Utf8JsonWriter JsonWriter => jsonWriter ??= new Utf8JsonWriter(Stream.Null);
    private readonly List<SpoolEntry> appended = [];
    private long lineCount;
    private long confirmed;
    private bool closed;

    public Spool(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        Directory = directory;
        Name = NewName();
        lockFile = new FileStream(Path.Combine(directory, Name + ".lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        data = new FileStream(Path.Combine(directory, Name + ".spool"), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
    }

    public string Directory { get; }

    /// <summary>
    /// Pays the first file opening's one-time costs (the runtime's file-handle and stream types) off the program's
    /// thread: the session opens its segment at the first hooked call, often the process's first file. It opens an
    /// existing file for reading (the running executable), so it creates and changes nothing.
    /// </summary>
    internal static void WarmUp()
    {
        try
        {
            if (Environment.ProcessPath is { } path)
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
                _ = stream.Length;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a head start: the segment's own opening pays these costs then.
        }
    }

    /// <summary>A new segment's name: when it began (UTC, to the millisecond), the process id and a random part.</summary>
    public static string NewName() =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>The segment name (file names without extension).</summary>
    public string Name { get; }

    /// <summary>Bytes written to the segment so far.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return closed ? 0 : data.Length;
            }
        }
    }

    /// <summary>True when appended entries wait to be taken by the exporter.</summary>
    public bool HasUntaken
    {
        get
        {
            lock (gate)
            {
                return appended.Count > 0;
            }
        }
    }

    public long LineCount
    {
        get
        {
            lock (gate)
            {
                return lineCount;
            }
        }
    }

    /// <summary>
    /// Appends records in order and remembers them as new entries for the exporter. In-memory artifact content is
    /// written to the staging folder first and its line names the staged file.
    /// </summary>
    public void Append(List<ExportRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closed, this);
            buffer.ResetWrittenCount();
            foreach (var original in records)
            {
                var record = original.Kind == RecordKind.ArtifactContent ? Stage(original) : original;
                SpoolCodec.Encode(record, buffer, json, JsonWriter);
                appended.Add(new SpoolEntry(lineCount++, record));
            }

            data.Write(buffer.WrittenSpan);
            data.Flush(flushToDisk: false);
        }
    }

    /// <summary>
    /// Carries a run that is still open into this (new) segment: its start and binding, already confirmed, so that a
    /// replay after a crash knows the run, sends nothing twice, and ends it KILLED.
    /// </summary>
    public void CarryOver(IEnumerable<(ExportRecord Start, string? StoreRunId)> openRuns)
    {
        lock (gate)
        {
            buffer.ResetWrittenCount();
            foreach (var (start, storeRunId) in openRuns)
            {
                SpoolCodec.Encode(start, buffer, json, JsonWriter);
                lineCount++;
                if (storeRunId is not null)
                {
                    SpoolCodec.Encode(new ExportRecord(RecordKind.Binding, start.RunId, start.RunId, storeRunId), buffer, json, JsonWriter);
                    lineCount++;
                }
            }

            data.Write(buffer.WrittenSpan);
            data.Flush(flushToDisk: false);
        }

        Confirm(LineCount);
    }

    /// <summary>Records the store's run id for a local run id.</summary>
    public void AppendBinding(string localRunId, string storeRunId)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            buffer.ResetWrittenCount();
            SpoolCodec.Encode(new ExportRecord(RecordKind.Binding, localRunId, localRunId, storeRunId), buffer, json, JsonWriter);
            lineCount++;
            data.Write(buffer.WrittenSpan);
            data.Flush(flushToDisk: false);
        }
    }

    /// <summary>Hands over the entries appended since the last call, in line order.</summary>
    public void TakeAppended(List<SpoolEntry> into)
    {
        lock (gate)
        {
            into.AddRange(appended);
            appended.Clear();
        }
    }

    /// <summary>Marks the first <paramref name="lines"/> lines as confirmed by the store.</summary>
    public void Confirm(long lines)
    {
        lock (gate)
        {
            if (closed || lines <= confirmed)
            {
                return;
            }

            confirmed = lines;
            WritePosition(Path.Combine(Directory, Name), lines);
        }
    }

    /// <summary>Closes the segment; deletes it when every line was confirmed, else leaves it for a replay.</summary>
    public void Close()
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            data.Dispose();
            jsonWriter?.Dispose();
            var complete = confirmed >= lineCount;
            if (complete)
            {
                Delete(Path.Combine(Directory, Name));
            }

            lockFile.Dispose();
            if (complete)
            {
                TryDeleteFile(Path.Combine(Directory, Name + ".lock"));
            }
        }
    }

    /// <summary>Releases the files as a killed process would: nothing is confirmed or deleted (for crash tests).</summary>
    internal void Abandon()
    {
        lock (gate)
        {
            closed = true;
            data.Dispose();
            lockFile.Dispose();
        }
    }

    public void Dispose() => Close();

    private ExportRecord Stage(in ExportRecord record)
    {
        var staging = Path.Combine(Directory, Name + ".staging");
        System.IO.Directory.CreateDirectory(staging);
        var file = Path.Combine(staging, string.Create(CultureInfo.InvariantCulture, $"{lineCount}-{Path.GetFileName(record.Key)}"));
        File.WriteAllText(file, record.Text, new UTF8Encoding(false));
        return record.WithKindAndText(RecordKind.StagedArtifact, file);
    }

    internal static void WritePosition(string segmentPath, long lines)
    {
        var temp = segmentPath + ".pos.tmp";
        File.WriteAllText(temp, lines.ToString(CultureInfo.InvariantCulture));
        File.Move(temp, segmentPath + ".pos", overwrite: true);
    }

    internal static void Delete(string segmentPath)
    {
        TryDeleteFile(segmentPath + ".spool");
        TryDeleteFile(segmentPath + ".pos");
        TryDeleteFile(segmentPath + ".pos.tmp");
        try
        {
            if (System.IO.Directory.Exists(segmentPath + ".staging"))
            {
                System.IO.Directory.Delete(segmentPath + ".staging", recursive: true);
            }
        }
        catch (IOException e)
        {
            Debug.WriteLine(e);
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            Debug.WriteLine(e);
        }
        catch (UnauthorizedAccessException e)
        {
            Debug.WriteLine(e);
        }
    }
}

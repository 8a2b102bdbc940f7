using System.Globalization;

namespace Padre.Pads.Export;

/// <summary>
/// A segment left by an earlier process, claimed for replay by holding its lock file. Reads every whole line
/// (a torn last line is ignored), the confirmed position, the bindings, and which runs started and ended.
/// </summary>
internal sealed class SpoolSegment : IDisposable
{
    private readonly FileStream claim;

    private SpoolSegment(string path, FileStream claim)
    {
        Path = path;
        this.claim = claim;
    }

    /// <summary>The segment path without extension.</summary>
    public string Path { get; }

    public long Position { get; private set; }

    public List<SpoolEntry> Entries { get; } = [];

    public Dictionary<string, string> Bindings { get; } = [];

    public HashSet<string> Started { get; } = [];

    public HashSet<string> Ended { get; } = [];

    public Dictionary<string, long> LastTimestamp { get; } = [];

    public int CorruptLines { get; private set; }

    /// <summary>Segments in <paramref name="directory"/> whose owner is gone and nobody replays, except <paramref name="ownName"/>.</summary>
    public static IEnumerable<SpoolSegment> ClaimDead(string directory, string? ownName)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var file in Directory.GetFiles(directory, "*.spool").Order(StringComparer.Ordinal))
        {
            var path = file[..^".spool".Length];
            if (System.IO.Path.GetFileName(path) == ownName)
            {
                continue;
            }

            FileStream claim;
            try
            {
                claim = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                continue; // its process is alive, or another process replays it
            }

            if (!File.Exists(file))
            {
                claim.Dispose();
                continue;
            }

            var segment = new SpoolSegment(path, claim);
            segment.Read();
            yield return segment;
        }
    }

    /// <summary>Bindings recorded in every segment of the directory (a run may be bound in a later process's segment).</summary>
    public static Dictionary<string, string> ReadAllBindings(string directory)
    {
        var bindings = new Dictionary<string, string>();
        if (!Directory.Exists(directory))
        {
            return bindings;
        }

        foreach (var file in Directory.GetFiles(directory, "*.spool"))
        {
            foreach (var record in ReadRecords(file))
            {
                if (record.Kind == RecordKind.Binding && record.Text is not null)
                {
                    bindings[record.RunId] = record.Text;
                }
            }
        }

        return bindings;
    }

    public void SavePosition(long lines)
    {
        if (lines > Position)
        {
            Position = lines;
            Spool.WritePosition(Path, lines);
        }
    }

    /// <summary>Deletes the replayed segment.</summary>
    public void Complete()
    {
        Spool.Delete(Path);
        claim.Dispose();
        try
        {
            File.Delete(Path + ".lock");
        }
        catch (IOException)
        {
            // Someone opened it meanwhile; an empty lock file without a .spool is ignored.
        }
    }

    public void Dispose() => claim.Dispose();

    private void Read()
    {
        var posFile = Path + ".pos";
        if (File.Exists(posFile) && long.TryParse(File.ReadAllText(posFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pos))
        {
            Position = pos;
        }

        long line = 0;
        foreach (var result in ReadLines(Path + ".spool"))
        {
            if (result is not { } record)
            {
                CorruptLines++;
                line++;
                continue;
            }

            switch (record.Kind)
            {
                case RecordKind.Binding:
                    Bindings[record.RunId] = record.Text ?? string.Empty;
                    break;
                case RecordKind.StartRun:
                    Started.Add(record.RunId);
                    break;
                case RecordKind.EndRun:
                    Ended.Add(record.RunId);
                    break;
            }

            if (record.Timestamp > 0)
            {
                LastTimestamp[record.RunId] = Math.Max(record.Timestamp, LastTimestamp.GetValueOrDefault(record.RunId));
            }

            if (record.Kind != RecordKind.Binding)
            {
                Entries.Add(new SpoolEntry(line, record) { Done = line < Position });
            }

            line++;
        }
    }

    private static IEnumerable<ExportRecord> ReadRecords(string file)
    {
        foreach (var record in ReadLines(file))
        {
            if (record is { } r)
            {
                yield return r;
            }
        }
    }

    // Only lines ended by '\n' count: the last one may be torn.
    private static IEnumerable<ExportRecord?> ReadLines(string file)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        catch (FileNotFoundException)
        {
            yield break;
        }

        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                yield break;
            }

            yield return SpoolCodec.Decode(bytes.AsSpan(start, end - start));
            start = end + 1;
        }
    }
}

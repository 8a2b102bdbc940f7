using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Padre.Pads.Stores;

namespace Padre.Pads.Export;

/// <summary>
/// The spool's line format. Each record is one line: eight lowercase hex digits of the CRC-32 of the JSON, one
/// space, the JSON object, '\n'. A line whose checksum does not match, or that has no '\n' (a write torn by
/// SIGKILL or power loss), is not a record. JSON fields: <c>k</c> kind (<see cref="RecordKind"/> number),
/// <c>r</c> local run id, <c>key</c>, <c>t</c> text, <c>v</c> value (a number, or "NaN"/"Infinity"/"-Infinity"),
/// <c>s</c> step, <c>ts</c> timestamp, <c>p</c> payload (run start or dataset input).
/// Written with <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>: no reflection (AOT-safe).
/// </summary>
internal static class SpoolCodec
{
    public static void Encode(in ExportRecord record, ArrayBufferWriter<byte> line)
    {
        var json = new ArrayBufferWriter<byte>(128);
        using var writer = new Utf8JsonWriter(json);
        Encode(record, line, json, writer);
    }

    /// <summary>Encodes one line reusing <paramref name="json"/> and <paramref name="writer"/> (the exporter's hot path allocates nothing per record).</summary>
    public static void Encode(in ExportRecord record, ArrayBufferWriter<byte> line, ArrayBufferWriter<byte> json, Utf8JsonWriter writer)
    {
        json.ResetWrittenCount();
        writer.Reset(json);
        {
            writer.WriteStartObject();
            writer.WriteNumber("k", (int)record.Kind);
            writer.WriteString("r", record.RunId);
            if (record.Key is not null)
            {
                writer.WriteString("key", record.Key);
            }

            if (record.Text is not null)
            {
                writer.WriteString("t", record.Text);
            }

            if (record.Kind == RecordKind.Metric)
            {
                if (double.IsFinite(record.Value))
                {
                    writer.WriteNumber("v", record.Value);
                }
                else
                {
                    writer.WriteString("v", double.IsNaN(record.Value) ? "NaN" : double.IsPositiveInfinity(record.Value) ? "Infinity" : "-Infinity");
                }
            }

            if (record.Step != 0)
            {
                writer.WriteNumber("s", record.Step);
            }

            if (record.Timestamp != 0)
            {
                writer.WriteNumber("ts", record.Timestamp);
            }

            switch (record.Payload)
            {
                case RunStart start:
                    writer.WritePropertyName("p");
                    WriteRunStart(writer, start);
                    break;
                case DatasetInput input:
                    writer.WritePropertyName("p");
                    WriteInput(writer, input);
                    break;
            }

            writer.WriteEndObject();
            writer.Flush();
        }

        var crc = Crc32.Compute(json.WrittenSpan);
        var head = line.GetSpan(9);
        Utf8Formatter.TryFormat(crc, head, out _, new StandardFormat('x', 8));
        head[8] = (byte)' ';
        line.Advance(9);
        line.Write(json.WrittenSpan);
        line.Write("\n"u8);
    }

    /// <summary>Decodes one line (without its '\n'); null when it is torn or corrupt.</summary>
    public static ExportRecord? Decode(ReadOnlySpan<byte> line)
    {
        if (line.Length < 10 || line[8] != (byte)' ' || !Utf8Parser.TryParse(line[..8], out uint crc, out var consumed, 'x') || consumed != 8)
        {
            return null;
        }

        var json = line[9..];
        if (Crc32.Compute(json) != crc)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var kind = (RecordKind)root.GetProperty("k").GetInt32();
            var value = 0d;
            if (root.TryGetProperty("v", out var v))
            {
                value = v.ValueKind == JsonValueKind.String
                    ? v.GetString() switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, _ => double.NegativeInfinity }
                    : v.GetDouble();
            }

            object? payload = null;
            if (root.TryGetProperty("p", out var p))
            {
                payload = kind == RecordKind.StartRun ? ReadRunStart(p) : ReadInput(p);
            }

            return new ExportRecord(
                kind,
                root.GetProperty("r").GetString()!,
                Optional(root, "key"),
                Optional(root, "t"),
                value,
                root.TryGetProperty("s", out var s) ? s.GetInt64() : 0,
                root.TryGetProperty("ts", out var ts) ? ts.GetInt64() : 0,
                payload);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteRunStart(Utf8JsonWriter writer, RunStart start)
    {
        writer.WriteStartObject();
        writer.WriteString("eid", start.ExperimentId);
        writer.WriteString("en", start.ExperimentName);
        writer.WriteString("rn", start.RunName);
        writer.WriteString("par", start.ParentRunId);
        writer.WriteString("u", start.UserId);
        writer.WriteNumber("st", start.StartTime);
        writer.WriteString("att", start.AttachToStoreRunId);
        WriteTags(writer, start.Tags);
        writer.WriteEndObject();
    }

    private static RunStart ReadRunStart(JsonElement p) => new(
        Optional(p, "eid"),
        Optional(p, "en"),
        Optional(p, "rn") ?? string.Empty,
        Optional(p, "par"),
        Optional(p, "u") ?? string.Empty,
        p.GetProperty("st").GetInt64(),
        ReadTags(p),
        Optional(p, "att"));

    private static void WriteInput(Utf8JsonWriter writer, DatasetInput input)
    {
        var d = input.Dataset;
        writer.WriteStartObject();
        writer.WriteString("name", d.Name);
        writer.WriteString("digest", d.Digest);
        writer.WriteString("stype", d.SourceType);
        writer.WriteString("src", d.Source);
        writer.WriteString("schema", d.Schema);
        writer.WriteString("profile", d.Profile);
        WriteTags(writer, input.Tags);
        writer.WriteEndObject();
    }

    private static DatasetInput ReadInput(JsonElement p) => new(
        new Dataset(
            Optional(p, "name") ?? string.Empty,
            Optional(p, "digest") ?? string.Empty,
            Optional(p, "stype") ?? string.Empty,
            Optional(p, "src") ?? string.Empty,
            Optional(p, "schema"),
            Optional(p, "profile")),
        ReadTags(p));

    private static void WriteTags(Utf8JsonWriter writer, IReadOnlyList<RunTag> tags)
    {
        writer.WriteStartArray("tags");
        foreach (var tag in tags)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(tag.Key);
            writer.WriteStringValue(tag.Value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static List<RunTag> ReadTags(JsonElement p)
    {
        var tags = new List<RunTag>();
        if (p.TryGetProperty("tags", out var array))
        {
            foreach (var pair in array.EnumerateArray())
            {
                tags.Add(new RunTag(pair[0].GetString() ?? string.Empty, pair[1].GetString() ?? string.Empty));
            }
        }

        return tags;
    }
}

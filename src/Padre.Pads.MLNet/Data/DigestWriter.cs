using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Padre.Pads.MLNet.Data;

/// <summary>
/// Feeds values into a SHA-256 in a canonical little-endian byte form, so the digest depends on the values only,
/// never on the process, the platform or how ML.NET happens to store a vector.
/// </summary>
internal sealed class DigestWriter : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _scratch = new byte[8];

    public void WriteByte(byte value)
    {
        _scratch[0] = value;
        _hash.AppendData(_scratch, 0, 1);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_scratch, value);
        _hash.AppendData(_scratch, 0, 8);
    }

    // Every NaN hashes alike: ML.NET and parsers produce different NaN payloads for the same "missing".
    public void WriteDouble(double value) =>
        WriteInt64(double.IsNaN(value) ? unchecked((long)0x7FF8_0000_0000_0000) : BitConverter.DoubleToInt64Bits(value));

    public void WriteSingle(float value) => WriteDouble(value);

    public void WriteText(ReadOnlySpan<char> text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        WriteInt64(bytes);
        Span<byte> small = stackalloc byte[256];
        var buffer = bytes <= small.Length ? small[..bytes] : new byte[bytes];
        Encoding.UTF8.GetBytes(text, buffer);
        _hash.AppendData(buffer);
    }

    /// <summary>The first <paramref name="hexChars"/> lowercase hex characters of the hash.</summary>
    public string Finish(int hexChars) => Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant()[..hexChars];

    public void Dispose() => _hash.Dispose();
}

using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Data;

/// <summary>
/// ML.NET column types as MLflow's column-spec types (<c>mlflow/types/schema.py</c>, <c>DataType</c>).
/// </summary>
/// <remarks>
/// Single→float, Double→double, Int32→integer, Int64→long, Boolean→boolean, Text→string, DateTime and
/// DateTimeOffset→datetime. Narrower integers (SByte, Byte, Int16, UInt16)→integer; UInt32 and UInt64→long
/// (MLflow has no unsigned types; a UInt64 above <see cref="long.MaxValue"/> does not fit). TimeSpan→string
/// (MLflow has no duration type). A key column (category indices made by <c>MapValueToKey</c>) is written as
/// <c>long</c>: its values are indices 1..count, 0 meaning missing. A vector column is MLflow's
/// <c>{"type": "array", "items": {"type": item}}</c>; its fixed size, if any, is in the profile. Other types
/// (images, custom types) are written as <c>binary</c> and are neither hashed nor profiled.
/// </remarks>
internal static class MlflowColumnTypes
{
    public static string Of(DataViewType item)
    {
        if (item is KeyDataViewType) return "long";
        var raw = item.RawType;
        return raw == typeof(float) ? "float"
            : raw == typeof(double) ? "double"
            : raw == typeof(int) || raw == typeof(short) || raw == typeof(ushort) || raw == typeof(sbyte) || raw == typeof(byte) ? "integer"
            : raw == typeof(long) || raw == typeof(uint) || raw == typeof(ulong) ? "long"
            : raw == typeof(bool) ? "boolean"
            : raw == typeof(ReadOnlyMemory<char>) || raw == typeof(TimeSpan) ? "string"
            : raw == typeof(DateTime) || raw == typeof(DateTimeOffset) ? "datetime"
            : "binary";
    }
}

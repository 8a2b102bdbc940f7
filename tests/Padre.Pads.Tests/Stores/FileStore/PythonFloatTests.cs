using System.Globalization;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.Tests.Stores.FileStore;

public class PythonFloatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(5e-324, "5e-324")]
    public void Format_prints_as_python_str(double value, string expected) =>
        Assert.Equal(expected, PythonFloat.Format(value));

    [Fact]
    public void Format_matches_every_value_of_the_table_python_printed()
    {
        var rows = Table();
        var mismatches = rows
            .Select(row => (row.Text, Actual: PythonFloat.Format(row.Value)))
            .Where(row => row.Actual != row.Text)
            .Select(row => $"python '{row.Text}' vs ours '{row.Actual}'")
            .ToList();
        Assert.True(rows.Count > 400, $"the table has only {rows.Count} rows");
        Assert.Empty(mismatches);
    }

    [Fact]
    public void TryParse_reads_back_every_value_of_the_table_bit_for_bit()
    {
        foreach (var (value, text) in Table())
        {
            Assert.True(PythonFloat.TryParse(text, out var parsed), text);
            if (double.IsNaN(value))
            {
                Assert.True(double.IsNaN(parsed));
                continue;
            }

            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed));
        }
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-INF")]
    [InlineData("1_000.5")]
    public void TryParse_accepts_what_python_float_accepts(string text) =>
        Assert.True(PythonFloat.TryParse(text, out _));

    [Fact]
    public void TryParse_refuses_text_that_is_not_a_number() =>
        Assert.False(PythonFloat.TryParse("abc", out _));

    private static List<(double Value, string Text)> Table() =>
        File.ReadAllLines(Path.Combine(FileStoreTestData.Directory, "python-float-str.tsv"))
            .Where(line => !line.StartsWith('#') && line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(parts => (BitConverter.Int64BitsToDouble(long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)), parts[1]))
            .ToList();
}

using System.Globalization;
using System.Text;
using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Metrics;

/// <summary>A confusion matrix as a CSV table and as a readable text table (actual classes in rows, predicted in columns).</summary>
internal static class ConfusionMatrixTable
{
    private const string Corner = "actual \\ predicted";

    public static string Csv(ConfusionMatrix matrix, IReadOnlyList<string>? classNames)
    {
        var names = Names(matrix, classNames);
        var csv = new StringBuilder();
        csv.Append(CsvText.Field(Corner));
        foreach (var name in names) csv.Append(',').Append(CsvText.Field(name));
        csv.Append('\n');
        for (var actual = 0; actual < matrix.NumberOfClasses; actual++)
        {
            csv.Append(CsvText.Field(names[actual]));
            foreach (var count in matrix.Counts[actual]) csv.Append(',').Append(CsvText.Number(count));
            csv.Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The counts with each class's recall at the end of its row and precision under its column.</summary>
    public static string Text(ConfusionMatrix matrix, IReadOnlyList<string>? classNames)
    {
        var names = Names(matrix, classNames);
        var n = matrix.NumberOfClasses;
        var rows = new List<string[]>();
        rows.Add([Corner, .. names, "recall"]);
        for (var actual = 0; actual < n; actual++)
        {
            rows.Add([names[actual], .. matrix.Counts[actual].Select(CsvText.Number), Ratio(matrix.PerClassRecall[actual])]);
        }
        rows.Add(["precision", .. matrix.PerClassPrecision.Select(Ratio), ""]);

        var widths = Enumerable.Range(0, n + 2).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder("Confusion matrix (rows: actual class, columns: predicted class)\n\n");
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0) text.Append(" | ");
                text.Append(c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Ratio(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string[] Names(ConfusionMatrix matrix, IReadOnlyList<string>? classNames) =>
        Enumerable.Range(0, matrix.NumberOfClasses)
            .Select(i => classNames is not null && i < classNames.Count ? classNames[i] : i.ToString(CultureInfo.InvariantCulture))
            .ToArray();
}

using System.Globalization;
using Microsoft.ML;
using Padre.Pads.MLNet.Data;

namespace Padre.Pads.MLNet;

/// <summary>Small real datasets shipped inside the package, for examples and tests (no download).</summary>
public static class Datasets
{
    /// <summary>The source recorded for <see cref="Iris"/>.</summary>
    public static DatasetSource IrisSource { get; } = DatasetSource.Code("Padre.Pads.MLNet.Datasets.Iris");

    /// <summary>
    /// Fisher's Iris data (150 rows, public domain; scikit-learn's copy): columns SepalLength, SepalWidth,
    /// PetalLength, PetalWidth (Single) and Label (the species, Text).
    /// </summary>
    public static IDataView Iris(MLContext ml)
    {
        ArgumentNullException.ThrowIfNull(ml);
        return ml.Data.LoadFromEnumerable(IrisRows());
    }

    /// <summary>The Iris rows in file order.</summary>
    public static IReadOnlyList<IrisFlower> IrisRows()
    {
        using var stream = typeof(Datasets).Assembly.GetManifestResourceStream("Padre.Pads.MLNet.Datasets.iris.csv")
            ?? throw new InvalidOperationException("The embedded resource Padre.Pads.MLNet.Datasets.iris.csv is missing from Padre.Pads.MLNet; the package is damaged, reinstall it.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        var rows = new List<IrisFlower>(150);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            rows.Add(new IrisFlower
            {
                SepalLength = float.Parse(f[0], CultureInfo.InvariantCulture),
                SepalWidth = float.Parse(f[1], CultureInfo.InvariantCulture),
                PetalLength = float.Parse(f[2], CultureInfo.InvariantCulture),
                PetalWidth = float.Parse(f[3], CultureInfo.InvariantCulture),
                Label = f[4],
            });
        }
        return rows;
    }
}

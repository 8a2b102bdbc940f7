using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Tests.Support;

/// <summary>A row of the Iris CSV file (four measurements, the species as a string label).</summary>
public sealed class IrisFlower
{
    [LoadColumn(0)] public float SepalLength { get; set; }
    [LoadColumn(1)] public float SepalWidth { get; set; }
    [LoadColumn(2)] public float PetalLength { get; set; }
    [LoadColumn(3)] public float PetalWidth { get; set; }
    [LoadColumn(4)] public string Label { get; set; } = "";
}

using Microsoft.ML.Data;

namespace Padre.Pads.MLNet;

/// <summary>One row of Fisher's Iris data: four measurements in centimetres and the species as <see cref="Label"/>.</summary>
public sealed class IrisFlower
{
    /// <summary>Sepal length (cm).</summary>
    [LoadColumn(0)] public float SepalLength { get; set; }

    /// <summary>Sepal width (cm).</summary>
    [LoadColumn(1)] public float SepalWidth { get; set; }

    /// <summary>Petal length (cm).</summary>
    [LoadColumn(2)] public float PetalLength { get; set; }

    /// <summary>Petal width (cm).</summary>
    [LoadColumn(3)] public float PetalWidth { get; set; }

    /// <summary>The species: <c>Iris-setosa</c>, <c>Iris-versicolor</c> or <c>Iris-virginica</c>.</summary>
    [LoadColumn(4)] public string Label { get; set; } = "";
}

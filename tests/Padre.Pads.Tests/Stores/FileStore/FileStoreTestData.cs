namespace Padre.Pads.Tests.Stores.FileStore;

/// <summary>Test data committed beside these tests (copied to the output directory).</summary>
internal static class FileStoreTestData
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Stores", "FileStore", "Data");

    /// <summary>The mlruns tree MLflow's Python client wrote (shared/mlflow-reference/filestore).</summary>
    public static string ReferenceRoot => Path.Combine(Directory, "reference", "mlruns");

    /// <summary>The reference tree's listing, empty directories included.</summary>
    public static string ReferenceLayout => Path.Combine(Directory, "reference", "LAYOUT.txt");
}

/// <summary>A fresh directory under the temp folder, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = System.IO.Directory.CreateTempSubdirectory("padre-filestore-").FullName;

    public string Path { get; }

    /// <summary>The mlruns root inside (not created, as a user's first run would find it).</summary>
    public string Mlruns => System.IO.Path.Combine(Path, "mlruns");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

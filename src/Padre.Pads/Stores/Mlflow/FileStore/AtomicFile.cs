using System.Text;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// File writes that a concurrent reader (MLflow's UI, <c>mlflow server</c>, the Python client) never sees half
/// done: whole files are written to a hidden temporary file and renamed over the target; metric points are
/// appended one whole line per write.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> (UTF-8, no BOM).</summary>
    /// <param name="path">The target file; its directory is created when missing.</param>
    /// <param name="content">The whole file.</param>
    /// <param name="scratchDirectory">Where the temporary file lives: a directory on the same volume that MLflow
    /// does not list as data (a run or experiment directory), so the temporary file is never read as a tag or param.</param>
    public static void WriteAllText(string path, string content, string scratchDirectory) =>
        WriteAllBytes(path, Utf8NoBom.GetBytes(content), scratchDirectory);

    /// <inheritdoc cref="WriteAllText"/>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, string scratchDirectory)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = TemporaryPath(scratchDirectory);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Copies <paramref name="content"/> into <paramref name="path"/> the same way.</summary>
    public static async Task WriteStreamAsync(string path, Stream content, string scratchDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = TemporaryPath(scratchDirectory);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Appends <paramref name="text"/> in one write, creating the file and its directory when missing.</summary>
    public static void Append(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Utf8NoBom.GetBytes(text));
    }

    private static string TemporaryPath(string scratchDirectory) =>
        Path.Combine(scratchDirectory, $".padre-{Guid.NewGuid():N}.tmp");

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // A leftover hidden temporary file is harmless; the write's own outcome is what matters.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

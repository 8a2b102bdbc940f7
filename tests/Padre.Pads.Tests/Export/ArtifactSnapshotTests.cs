using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Export;

/// <summary><c>LogArtifact</c> records the file as it was when logged: a copy is taken then, uploaded, and deleted.</summary>
public sealed class ArtifactSnapshotTests
{
    private static string NewFile(string name, byte[] content)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("padre-artifact-").FullName, name);
        File.WriteAllBytes(file, content);
        return file;
    }

    private static string[] SnapshotFiles(string spool) =>
        [.. Directory.EnumerateDirectories(spool, "*.snapshots").SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)).Where(f => Path.GetFileName(f) != ".lock")];

    [Fact]
    public async Task File_overwritten_after_logging_is_recorded_with_the_logged_content()
    {
        await using var t = RecordingSession.Start();
        var file = NewFile("model.zip", [1, 2, 3]);
        using (var run = t.Session.StartRun("overwritten", null, null))
        {
            run.LogArtifact(file, "model");
            File.WriteAllBytes(file, [9, 9, 9, 9]); // a model re-saved in the same file, e.g. each epoch
        }

        Assert.True(t.Flush());
        Assert.Equal([1, 2, 3], t.Store.RunNamed("overwritten").Artifacts["model/model.zip"]);
    }

    [Fact]
    public async Task File_deleted_after_logging_is_still_uploaded()
    {
        await using var t = RecordingSession.Start();
        var file = NewFile("scratch.txt", "temporary"u8.ToArray());
        using (var run = t.Session.StartRun("deleted", null, null))
        {
            run.LogArtifact(file);
            File.Delete(file);
        }

        Assert.True(t.Flush());
        Assert.Equal("temporary"u8.ToArray(), t.Store.RunNamed("deleted").Artifacts["scratch.txt"]);
    }

    [Fact]
    public async Task Directory_changed_after_logging_is_recorded_as_logged()
    {
        await using var t = RecordingSession.Start();
        var directory = Directory.CreateTempSubdirectory("padre-artifact-dir-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "sub"));
        File.WriteAllText(Path.Combine(directory, "sub", "a.txt"), "a");
        using (var run = t.Session.StartRun("directory", null, null))
        {
            run.LogArtifact(directory, "tree");
            File.WriteAllText(Path.Combine(directory, "sub", "a.txt"), "changed");
            File.WriteAllText(Path.Combine(directory, "late.txt"), "late");
        }

        Assert.True(t.Flush());
        var artifacts = t.Store.RunNamed("directory").Artifacts;
        Assert.Equal(["tree/sub/a.txt"], artifacts.Keys);
        Assert.Equal("a"u8.ToArray(), artifacts["tree/sub/a.txt"]);
    }

    [Fact]
    public async Task Snapshots_are_deleted_once_the_store_has_them()
    {
        await using var t = RecordingSession.Start();
        using (var run = t.Session.StartRun("cleaned", null, null))
        {
            run.LogArtifact(NewFile("one.bin", [1]));
            run.LogArtifact(NewFile("two.bin", [2]));
        }

        Assert.True(t.Flush());
        Assert.Equal(2, t.Store.RunNamed("cleaned").Artifacts.Count);
        Assert.Empty(SnapshotFiles(t.SpoolDirectory));
        await t.DisposeAsync();
        Assert.Empty(Directory.EnumerateDirectories(t.SpoolDirectory, "*.snapshots"));
    }

    [Fact]
    public async Task Snapshot_of_a_crashed_process_is_uploaded_by_the_replay_and_then_deleted()
    {
        var spool = Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var store = new RecordingStore { Down = true };
        var crashed = RecordingSession.Start(store, spool);
        var file = NewFile("weights.bin", [4, 5, 6]);
        var run = crashed.Session.StartRun("crashed-artifact", null, null);
        run.LogArtifact(file, "model");
        File.Delete(file);
        Assert.False(await crashed.Session.FlushAsync(TimeSpan.FromMilliseconds(300)));
        await crashed.Session.AbandonAsync();
        Assert.NotEmpty(SnapshotFiles(spool));
        store.Down = false;

        await using var next = RecordingSession.Start(store, spool);
        await next.Session.SyncAsync();

        Assert.Equal([4, 5, 6], store.RunNamed("crashed-artifact").Artifacts["model/weights.bin"]);
        Assert.Empty(SnapshotFiles(spool));
        Assert.DoesNotContain(Directory.EnumerateDirectories(spool, "*.snapshots"), area => area != next.Session.Exporter.Snapshots!.Directory);
    }

    [Fact]
    public async Task File_over_the_snapshot_limit_is_read_at_upload_and_reported_once()
    {
        await using var t = RecordingSession.Start(configure: o => o with { ArtifactSnapshotMaxBytes = 2 });
        using (var run = t.Session.StartRun("large", null, null))
        {
            run.LogArtifact(NewFile("big.bin", [1, 2, 3]));
            run.LogArtifact(NewFile("big2.bin", [4, 5, 6]));
        }

        Assert.True(t.Flush());
        Assert.Equal([1, 2, 3], t.Store.RunNamed("large").Artifacts["big.bin"]);
        Assert.Single(t.Reports, r => r.Template.Contains("is read when it is uploaded", StringComparison.Ordinal));
        Assert.Empty(SnapshotFiles(t.SpoolDirectory));
    }

    [Fact]
    public async Task Missing_file_is_reported_when_logged_and_ignored()
    {
        await using var t = RecordingSession.Start();
        using (var run = t.Session.StartRun("missing", null, null))
        {
            run.LogArtifact(Path.Combine(Path.GetTempPath(), "padre-no-such-file-" + Guid.NewGuid().ToString("N")));
        }

        Assert.True(t.Flush());
        Assert.Empty(t.Store.RunNamed("missing").Artifacts);
        Assert.True(t.ReportedWith("does not exist"));
    }
}

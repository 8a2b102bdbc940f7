namespace Padre.Pads.Export;

/// <summary>What an <see cref="ExportRecord"/> asks the store to do. Numbers are stored in the spool: never renumber.</summary>
internal enum RecordKind : byte
{
    /// <summary>Create (or attach to) a run; payload <see cref="RunStart"/>.</summary>
    StartRun = 1,
    /// <summary>One metric point: Key, Value, Step, Timestamp.</summary>
    Metric = 2,
    /// <summary>A param: Key, Text.</summary>
    Param = 3,
    /// <summary>A tag: Key, Text.</summary>
    Tag = 4,
    /// <summary>A dataset input; payload <see cref="Stores.DatasetInput"/>.</summary>
    Input = 5,
    /// <summary>A local file or directory: Text = local path, Key = artifact directory or null.</summary>
    ArtifactPath = 6,
    /// <summary>In-memory content (caller side only): Key = artifact file, Text = UTF-8 content. Becomes <see cref="StagedArtifact"/> in the spool.</summary>
    ArtifactContent = 7,
    /// <summary>Content staged in the spool: Key = artifact file, Text = staged file path.</summary>
    StagedArtifact = 8,
    /// <summary>End a run: Step = <see cref="Stores.RunStatus"/>, Timestamp = end time.</summary>
    EndRun = 9,
    /// <summary>Spool only: the store's id for a local run id (Key = local id, Text = store id).</summary>
    Binding = 10,
    /// <summary>
    /// A copy of a local file or directory taken when it was logged (<see cref="ArtifactSnapshots"/>): Text = the copy,
    /// Key = artifact directory or null. Uploaded like <see cref="ArtifactPath"/>, then the copy is deleted.
    /// </summary>
    ArtifactSnapshot = 11,
}

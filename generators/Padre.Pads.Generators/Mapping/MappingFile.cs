using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Mapping;

/// <summary>A parsed <c>*.padre.yml</c> file: its library constraint, its rules and what was wrong in it.</summary>
internal sealed record MappingFile(
    string Path,
    bool BuiltIn,
    string? Author,
    string? LibraryName,
    VersionRange? Versions,
    SourceSpan? VersionsLocation,
    EquatableArray<MappingRule> Rules,
    EquatableArray<DiagnosticInfo> Diagnostics);

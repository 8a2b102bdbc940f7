using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Padre.Pads.Generators.Model;

/// <summary>A location kept as plain values, so models never hold a syntax tree past the transform.</summary>
internal sealed record SourceSpan(string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static SourceSpan? From(Location? location) =>
        location is null || location == Location.None
            ? null
            : new SourceSpan(location.GetLineSpan().Path, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, Lines);
}

using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>Every candidate call of one source file (the unit of regeneration).</summary>
internal sealed record FileCalls(string FilePath, EquatableArray<CallSite> Calls, EquatableArray<DiagnosticInfo> Diagnostics);

#!/usr/bin/env bash
# Generator cost on a generated 200-file project (docs/benchmarks.md, "Generator cost"), in three readings:
#   1. compiler-report: csc's own generator time (-p:ReportAnalyzer=true) vs the Csc task and the whole build,
#      then `steps`: one in-process generator run's time by pipeline step;
#   2. Roslyn in-process (CompileBenchmarks, DiscoveryProfile): compile with/without PadreGenerator, and where its time goes;
#   3. real dotnet builds (BuildBenchmarks): wired vs PadrePadsWiring=none, cold csc vs compiler server.
# Writes benchmarks/results/generator-<stamp>.md. Usage: benchmarks/run-generator-benchmarks.sh [BenchmarkDotNet filter...]
# (default: all three classes; e.g. '*CompileBenchmarks*' for the quick in-process reading only).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p benchmarks/results
result="benchmarks/results/generator-$stamp.md"
artifacts="$(mktemp -d /tmp/padre-generator-bdn-XXXXXX)"
filters=("$@")
[ ${#filters[@]} -gt 0 ] || filters=('*CompileBenchmarks*' '*DiscoveryProfile*' '*BuildBenchmarks*')

dotnet build -c Release benchmarks/Padre.Pads.Benchmarks.Generator -nologo -v:q
bench=(dotnet benchmarks/Padre.Pads.Benchmarks.Generator/bin/Release/net10.0/Padre.Pads.Benchmarks.Generator.dll)

{
  echo "# Generator cost run $stamp"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), .NET SDK $(dotnet --version)"
  echo "Load average before: $(cat /proc/loadavg)"
  echo
} > "$result"

"${bench[@]}" prepare >&2

{
  echo "## csc's report (-p:ReportAnalyzer=true), rebuild of the wired project"
  echo
  "${bench[@]}" compiler-report
  echo
} | tee -a "$result"

{
  echo "## One generator run by pipeline step (in-process: first run in the process, then warm runs)"
  echo
  echo '```'
  "${bench[@]}" steps
  echo '```'
  echo
} | tee -a "$result"

"${bench[@]}" --filter "${filters[@]}" --artifacts "$artifacts" >&2

for report in "$artifacts"/results/*-report-github.md; do
  [ -e "$report" ] || continue
  { echo "## $(basename "$report" -report-github.md)"; echo; cat "$report"; echo; } >> "$result"
done
echo "Load average after: $(cat /proc/loadavg)" >> "$result"
echo "written: $result" >&2

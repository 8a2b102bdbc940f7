#!/usr/bin/env bash
# End-to-end overhead of the samples and the run-start cost (docs/benchmarks.md, "End-to-end overhead (samples)").
# Builds each sample twice in Release, without Padre.Pads (-p:PadrePadsWiring=none: no reference, no generator) and
# as the repository wires it, into separate folders; then BenchmarkDotNet launches each program (SampleLaunch),
# measures Tracker.StartRun in-process (RunStart), times each launch to its first printed line and to exit
# (sample-timeline), and launches a few fresh processes for the first run start.
# Writes benchmarks/results/overhead-<stamp>.md. Usage: benchmarks/run-overhead-benchmarks.sh [ITERATIONS] (default 15)
# PADRE_BENCH_SAMPLE_NAMES=IrisClassification,SentimentBinary limits the launches to those samples.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
iterations="${1:-15}"
samples=(IrisClassification TaxiFareRegression SentimentBinary)
work="$(mktemp -d /tmp/padre-overhead-bench-XXXXXX)"
out="$repo/benchmarks/results"
mkdir -p "$out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
result="$out/overhead-$stamp.md"
project="$repo/benchmarks/Padre.Pads.Benchmarks.Overhead"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset MLFLOW_TRACKING_URI PADRE_DISABLED PADRE_LOGGERS_DISABLED || true

# The builds go under each sample's bin/ (ignored by git), as `dotnet run` would place them: the git and source loggers
# then find the repository and the sample's project from the program's folder, as in a user's project.
for sample in "${samples[@]}"; do
  bin="$repo/samples/$sample/bin/overhead"
  # Plain first, tracked last: the samples' obj/ folders end as the repository normally builds them.
  dotnet build "$repo/samples/$sample/$sample.csproj" -c Release -p:PadrePadsWiring=none -o "$bin/plain" -v quiet -nologo >&2
  dotnet build "$repo/samples/$sample/$sample.csproj" -c Release -o "$bin/tracked" -v quiet -nologo >&2
done
dotnet build "$project" -c Release -v quiet -nologo >&2
bench="$project/bin/Release/net10.0/Padre.Pads.Benchmarks.Overhead.dll"

{
  echo "# End-to-end overhead run $stamp"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), .NET $(dotnet --version)"
  echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo '## Samples, process start to exit (SampleLaunch)'
  echo
} > "$result"
(cd "$work" && PADRE_BENCH_SAMPLES="$repo/samples" PADRE_BENCH_ITERATIONS="$iterations" \
  dotnet "$bench" --filter '*SampleLaunch*' --artifacts "$work/bdn") >&2
cat "$work"/bdn/results/*SampleLaunch-report-github.md >> "$result"
echo "Load after the samples: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$result"

# The issue's "each sample's training": process start to the first line the sample prints (after training and
# evaluation), timestamped by the launching process on stdout; Plain, Tracked and disabled launched in turn.
{ echo; echo "## Samples, process start to first line printed and to exit ($iterations rounds after 1 warm-up, launched in turn)"; echo; } >> "$result"
(cd "$work" && PADRE_BENCH_SAMPLES="$repo/samples" dotnet "$bench" sample-timeline "$iterations") >> "$result"
echo "Load after the timeline: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$result"

{ echo; echo '## Run start on the caller'"'"'s thread, in-process (RunStart)'; echo; } >> "$result"
# From the repository root: the git and source loggers find the repository, as they would in a user's project.
(cd "$repo" && dotnet "$bench" --filter '*RunStart*' --artifacts "$work/bdn") >&2
cat "$work"/bdn/results/*RunStart-report-github.md >> "$result"

{ echo; echo '## First run start of a fresh process (10 processes; session, StartRun, End in ms)'; echo; echo '```'; } >> "$result"
for i in $(seq 10); do (cd "$repo" && dotnet "$bench" first-run-start "$work/first-$i"); done >> "$result"
{ echo '```'; echo; echo '## The same as in a zero-change program: module initializer warm-up, then 100 ms of the program'"'"'s own start-up'; echo; echo '```'; } >> "$result"
for i in $(seq 10); do (cd "$repo" && dotnet "$bench" first-run-start "$work/warm-$i" 100); done >> "$result"
{ echo '```'; echo; echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"; } >> "$result"
rm -rf "$work"
echo "$result"

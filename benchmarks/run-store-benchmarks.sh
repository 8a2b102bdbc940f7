#!/usr/bin/env bash
# Store throughput: Padre.Pads (through Tracker) vs MLflow's own Python client, same machine, same run.
# Starts a real MLflow server from shared/mlflow-server, runs the Python baseline against it and against
# local SQLite / file stores, then the BenchmarkDotNet project, and writes both sides to one results file.
# Usage: benchmarks/run-store-benchmarks.sh [PORT]   (default 5150)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-5150}"

bundle=""
for dir in "$repo" "$repo/.." "$repo/../.." "$repo/../../.."; do
  if [ -x "$dir/shared/mlflow-server/start" ]; then bundle="$(cd "$dir/shared/mlflow-server" && pwd)"; break; fi
done
[ -n "$bundle" ] || { echo "shared/mlflow-server not found above $repo; it holds the real MLflow server and Python client" >&2; exit 1; }

work="$(mktemp -d /tmp/padre-store-bench-XXXXXX)"
out="$repo/benchmarks/results"
mkdir -p "$out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
result="$out/stores-$stamp.md"
trap '"$bundle/stop" --dir "$work/server" >/dev/null 2>&1 || true' EXIT

export MLFLOW_DISABLE_TELEMETRY=true DO_NOT_TRACK=true MLFLOW_ALLOW_FILE_STORE=true
mkdir -p "$work/server"
uri="$(cd "$work/server" && MLFLOW_SERVER_START_TIMEOUT=300 "$bundle/start" --port "$port" --dir "$work/server" | sed -n 's/^MLFLOW_TRACKING_URI=//p')"
echo "server: $uri" >&2

{
  echo "# Store throughput run $stamp"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "MLflow: $("$bundle/python" -c 'import mlflow; print(mlflow.__version__)' 2>/dev/null), .NET: $(dotnet --version)"
  echo
  echo '## MLflow Python client (benchmarks/baselines/mlflow_python_baseline.py)'
  echo
  echo '```'
} > "$result"

baseline="$repo/benchmarks/baselines/mlflow_python_baseline.py"
(cd "$work" && "$bundle/python" "$baseline" server "$uri" 1000) | tee -a "$result"
(cd "$work" && "$bundle/python" "$baseline" local "sqlite:///$work/python.db" 10000 | sed 's/"local"/"sqlite"/') | tee -a "$result"
(cd "$work" && "$bundle/python" "$baseline" local "file://$work/python-mlruns" 10000 | sed 's/"local"/"file"/') | tee -a "$result"

{ echo '```'; echo; echo '## Padre.Pads through Tracker (BenchmarkDotNet, benchmarks/Padre.Pads.Benchmarks.Stores)'; echo; } >> "$result"
(cd "$repo/benchmarks/Padre.Pads.Benchmarks.Stores" && \
  PADRE_BENCH_SERVER="$uri" dotnet run -c Release -- --filter '*StoreThroughput*' --artifacts "$work/bdn") >&2
cat "$work"/bdn/results/*StoreThroughput-report-github.md >> "$result"
echo >> "$result"
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$result"
echo "$result"

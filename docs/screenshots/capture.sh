#!/usr/bin/env bash
# Runs the main sample into a fresh folder exactly as a user would (README's first command), serves that folder's
# mlflow.db with the real MLflow UI (shared/mlflow-server) and takes headless-Chromium screenshots of what it shows.
# Usage: docs/screenshots/capture.sh [PORT]   (default 5160; needs `apt-get install -y chromium`)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
port="${1:-5160}"
out="$repo/docs/screenshots"

bundle=""
for dir in "$repo/.." "$repo/../.." "$repo/../../.."; do
  if [ -x "$dir/shared/mlflow-server/start" ]; then bundle="$(cd "$dir/shared/mlflow-server" && pwd)"; break; fi
done
[ -n "$bundle" ] || { echo "shared/mlflow-server not found above $repo" >&2; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "chromium is not installed: apt-get install -y chromium" >&2; exit 1; }

work="$(mktemp -d /tmp/padre-screens-XXXXXX)"
trap '"$bundle/stop" --dir "$work/server" >/dev/null 2>&1 || true' EXIT
(cd "$work" && dotnet run --project "$repo/samples/IrisClassification") >&2

export MLFLOW_DISABLE_TELEMETRY=true DO_NOT_TRACK=true
uri="$(cd "$work" && "$bundle/start" --port "$port" --dir "$work/server" --backend-store-uri "sqlite:///$work/mlflow.db" \
        --artifacts-destination "$work/mlruns" | sed -n 's/^MLFLOW_TRACKING_URI=//p')"
read -r exp run < <("$bundle/python" - "$uri" <<'PY'
import sys, mlflow
client = mlflow.MlflowClient(sys.argv[1])
exps = [e for e in client.search_experiments() if e.name != "Default"] or client.search_experiments()
runs = client.search_runs([exps[0].experiment_id], order_by=["attributes.start_time DESC"], max_results=1)
print(exps[0].experiment_id, runs[0].info.run_id)
PY
)

shot() { # name url
  "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1000 \
    --virtual-time-budget=20000 --screenshot="$out/$1.png" "$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
shot experiment-runs "$uri/#/experiments/$exp/runs"
shot run-overview "$uri/#/experiments/$exp/runs/$run"
shot run-model-metrics "$uri/#/experiments/$exp/runs/$run/model-metrics"
shot run-system-metrics "$uri/#/experiments/$exp/runs/$run/system-metrics"
shot run-artifacts "$uri/#/experiments/$exp/runs/$run/artifacts"

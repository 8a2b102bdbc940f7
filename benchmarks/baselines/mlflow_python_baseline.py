"""MLflow's own Python client doing what the Padre.Pads benchmarks do, timed the same way:
from the first call until the data is readable from the store.

Usage (with the bundle's interpreter):
  python mlflow_python_baseline.py server URI [N]        # N metrics one by one into a tracking server
  python mlflow_python_baseline.py local  STORE_URI [N]  # N metrics into sqlite:///... or file:... (set MLFLOW_ALLOW_FILE_STORE=true)
Prints one JSON object per measured mode.
"""
import json
import sys
import time

import mlflow
from mlflow import MlflowClient


def timed_sync(n):
    with mlflow.start_run() as run:
        t0 = time.perf_counter()
        for i in range(n):
            mlflow.log_metric("m", float(i), step=i)
        elapsed = time.perf_counter() - t0
    return run.info.run_id, elapsed


def timed_async(n):
    with mlflow.start_run() as run:
        t0 = time.perf_counter()
        for i in range(n):
            mlflow.log_metric("m", float(i), step=i, synchronous=False)
        mlflow.flush_async_logging()
        elapsed = time.perf_counter() - t0
    return run.info.run_id, elapsed


def timed_batch(n):
    from mlflow.entities import Metric
    with mlflow.start_run() as run:
        now = int(time.time() * 1000)
        t0 = time.perf_counter()
        MlflowClient().log_batch(run.info.run_id, metrics=[Metric("m", float(i), now, i) for i in range(n)])
        elapsed = time.perf_counter() - t0
    return run.info.run_id, elapsed


def check(run_id, n):
    history = MlflowClient().get_metric_history(run_id, "m")
    if len(history) != n:
        raise SystemExit(f"expected {n} points on the store, found {len(history)}")


def main():
    kind, uri = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else (1000 if kind == "server" else 10000)
    mlflow.set_tracking_uri(uri)
    mlflow.set_experiment("padre-baseline")
    modes = [("sync", timed_sync), ("async", timed_async), ("log_batch", timed_batch)]
    for name, fn in modes:
        run_id, elapsed = fn(n)
        check(run_id, n)
        print(json.dumps({"client": "mlflow-python", "mlflow": mlflow.__version__, "store": kind, "mode": name,
                          "metrics": n, "seconds": round(elapsed, 4), "metrics_per_second": round(n / elapsed, 1)}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()

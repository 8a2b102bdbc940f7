using System.Collections.Concurrent;
using System.Globalization;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Logs MLflow's system metrics (<c>system/cpu_utilization_percentage</c>, memory, disk, network, GPU) on a background
/// timer with MLflow's names, units and steps (0, 1, 2, ...). Honours MLflow's variables
/// <c>MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL</c> (seconds, default 10), <c>MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING</c>
/// (default 1) and <c>MLFLOW_SYSTEM_METRICS_NODE_ID</c>. Unlike MLflow, the first point is logged within a second and a
/// last one when the run ends, so even a short run has its system metrics.
/// </summary>
internal sealed class SystemMetricsLogger(RunLoggerContext context) : IRunLogger
{
    internal static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstSampleDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Monitor> _monitors = new(StringComparer.Ordinal);

    public string Name => "system-metrics";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        var interval = ReadInterval(unavailable);
        var samplesPerPoint = ReadSamplesBeforeLogging(unavailable);
        var node = context.Env("MLFLOW_SYSTEM_METRICS_NODE_ID");
        var prefix = "system/" + (string.IsNullOrEmpty(node) ? "" : node + "/");
        var monitor = new Monitor(run, new SystemSampler(context), prefix, samplesPerPoint);
        _monitors[run.RunId] = monitor;
        monitor.Start(interval < FirstSampleDelay ? interval : FirstSampleDelay, interval);
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
        if (_monitors.TryRemove(run.RunId, out var monitor))
            monitor.Stop();
    }

    private TimeSpan ReadInterval(Unavailable unavailable)
    {
        var text = context.Env("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL");
        if (string.IsNullOrWhiteSpace(text))
            return DefaultInterval;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= TimeSpan.FromDays(1).TotalSeconds)
            return TimeSpan.FromSeconds(seconds);
        unavailable.Add("sampling interval", $"MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL='{text}' is not a positive number of seconds; set it like '10' or '0.5'; using {DefaultInterval.TotalSeconds} s");
        return DefaultInterval;
    }

    private int ReadSamplesBeforeLogging(Unavailable unavailable)
    {
        var text = context.Env("MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING");
        if (string.IsNullOrWhiteSpace(text))
            return 1;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var samples) && samples > 0)
            return samples;
        unavailable.Add("samples before logging", $"MLFLOW_SYSTEM_METRICS_SAMPLES_BEFORE_LOGGING='{text}' is not a positive whole number; using 1");
        return 1;
    }

    /// <summary>One run's sampling: a timer, the samples not yet logged, and the next step.</summary>
    private sealed class Monitor(IRunWriter run, SystemSampler sampler, string prefix, int samplesPerPoint)
    {
        private readonly object _gate = new();
        private readonly List<Dictionary<string, double>> _pending = [];
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
        private Timer? _timer;
        private long _step;
        private bool _stopped;

        public void Start(TimeSpan first, TimeSpan interval) => _timer = new Timer(_ => Tick(final: false), null, first, interval);

        public void Stop()
        {
            _timer?.Dispose();
            Tick(final: true);
        }

        private void Tick(bool final)
        {
            lock (_gate) // a timer tick may overlap the final sample; the run must see each step once, in order
            {
                if (_stopped)
                    return;
                _stopped = final;
                var problems = new List<string>();
                _pending.Add(sampler.Sample(problems));
                ReportOnce(problems);
                if (_pending.Count >= samplesPerPoint || final)
                    Publish();
            }
        }

        private void Publish()
        {
            // Averages, as MLflow aggregates; network counters are cumulative, so their latest value stands.
            var keys = _pending.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal);
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var any = false;
            foreach (var key in keys)
            {
                var values = _pending.Where(s => s.ContainsKey(key)).Select(s => s[key]).ToList();
                var value = key.StartsWith("network_", StringComparison.Ordinal) ? values[^1] : Math.Round(values.Average(), 1);
                run.LogMetric(prefix + key, value, _step, timestamp);
                any = true;
            }
            _pending.Clear();
            if (any)
                _step++;
        }

        // A value that cannot be read is said once per run, not at every tick.
        private void ReportOnce(List<string> problems)
        {
            var added = false;
            foreach (var problem in problems)
                added |= _reported.Add(problem);
            if (!added)
                return;
            run.SetTag("padre.logger.system-metrics.unavailable", string.Join("; ", _reported));
        }
    }
}

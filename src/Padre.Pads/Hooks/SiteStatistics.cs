using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks;

/// <summary>
/// The hot sites (predictions) that counted calls: their aggregates are written into a run when it ends, since
/// those calls record nothing individually.
/// </summary>
internal sealed class SiteStatistics
{
    // Sites are static objects of generated code: each registers here once, on its first counted call.
    private readonly List<InterceptionSite> hit = [];

    /// <summary>Remembers <paramref name="site"/> (called once per site).</summary>
    public void Hit(InterceptionSite site)
    {
        lock (hit)
        {
            hit.Add(site);
        }
    }

    /// <summary>Writes the counts and times since the last flush into <paramref name="run"/> and starts new ones.</summary>
    public void Flush(IRunWriter run)
    {
        foreach (var site in Sites())
        {
            var (calls, elapsed) = site.Drain();
            if (calls == 0)
            {
                continue;
            }

            var key = Defaults.Keys.Timing(site);
            run.LogMetric(key + ".calls", calls);
            run.LogMetric(key + ".total_seconds", elapsed.TotalSeconds);
            run.LogMetric(key + ".mean_microseconds", elapsed.TotalMilliseconds * 1000 / calls);
        }
    }

    /// <summary>Discards the counts not yet written (a new tracking session starts from zero).</summary>
    public void Reset()
    {
        foreach (var site in Sites())
        {
            site.Drain();
        }
    }

    private InterceptionSite[] Sites()
    {
        lock (hit)
        {
            return [.. hit];
        }
    }
}

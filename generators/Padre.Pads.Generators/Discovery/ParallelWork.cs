using System;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// Work of one pipeline step spread over the cores: the compiler runs generators on one thread, so the others are idle
/// meanwhile. Everything started is finished (or cancelled) before <see cref="For"/> returns: no work outlives the step.
/// </summary>
internal static class ParallelWork
{
    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1 in parallel; a failure is rethrown as itself.</summary>
    public static void For(int count, CancellationToken cancellationToken, Action<int> body)
    {
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, count, options, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Surface the first failure as itself (a cancellation stays a cancellation), not wrapped by Parallel.
            cancellationToken.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Capture(e.InnerExceptions.First()).Throw();
            throw;
        }
    }
}

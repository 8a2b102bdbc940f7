namespace Padre.Pads.Tests.Support;

/// <summary>Waits for something another thread makes true, checking every 20 ms, at most 30 s (a generous bound, not a timing).</summary>
public static class Poll
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>True as soon as <paramref name="condition"/> holds; false when <see cref="Patience"/> passed first.</summary>
    public static async Task<bool> Until(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; waited < Patience; waited += TimeSpan.FromMilliseconds(20))
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}

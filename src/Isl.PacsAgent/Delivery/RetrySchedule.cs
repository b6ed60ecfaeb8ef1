using Isl.PacsAgent.Configuration;

namespace Isl.PacsAgent.Delivery;

/// <summary>Exponential backoff between delivery attempts, capped, with a dead-letter limit.</summary>
/// <param name="MaxAttempts">Attempts before the delivery is dead-lettered.</param>
/// <param name="InitialBackoff">The delay after the first failed attempt.</param>
/// <param name="MaxBackoff">The longest delay.</param>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff)
{
    /// <summary>The schedule the <c>Delivery</c> section configures.</summary>
    public static RetrySchedule From(DeliveryOptions options) =>
        new(options.MaxAttempts, TimeSpan.FromSeconds(options.InitialBackoffSeconds), TimeSpan.FromSeconds(options.MaxBackoffSeconds));

    /// <summary>The delay after <paramref name="failedAttempts"/> failed attempts (1 → initial, 2 → twice that, …, capped).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 40));
        var seconds = Math.Min(InitialBackoff.TotalSeconds * factor, MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Whether a delivery that failed <paramref name="failedAttempts"/> times is given up.</summary>
    public bool IsExhausted(int failedAttempts) => failedAttempts >= MaxAttempts;
}

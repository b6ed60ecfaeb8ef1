namespace Isl.Dicom.Network.Client;

/// <summary>Retries for transient failures (connection refused or dropped, timeouts, transient A-ASSOCIATE-RJ) with exponential backoff.</summary>
public sealed class DicomRetryPolicy
{
    /// <summary>No retries.</summary>
    public static DicomRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Total attempts, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Delay before the second attempt.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Multiplier applied to the delay after each failed attempt.</summary>
    public double BackoffFactor { get; init; } = 2.0;

    /// <summary>The longest delay between attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay before attempt number <paramref name="attempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var delay = InitialDelay.TotalMilliseconds * Math.Pow(BackoffFactor, Math.Max(0, attempt - 2));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxDelay.TotalMilliseconds));
    }

    /// <summary>True when <paramref name="exception"/> is worth another attempt.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        DicomAssociationRejectedException rejected => rejected.IsTransient,
        DicomAssociationAbortedException => true,
        TimeoutException => true,
        System.Net.Sockets.SocketException => true,
        IOException => true,
        _ => false,
    };
}

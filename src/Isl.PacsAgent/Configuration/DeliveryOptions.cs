namespace Isl.PacsAgent.Configuration;

/// <summary>Where and how results are delivered (configuration section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Delivery";

    /// <summary>The destinations; every result goes to each of them.</summary>
    public IList<DeliveryDestinationOptions> Destinations { get; } = [];

    /// <summary>Attempts per destination before the delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay before the first retry, in seconds; it doubles each attempt.</summary>
    public double InitialBackoffSeconds { get; set; } = 2;

    /// <summary>Longest delay between two attempts, in seconds.</summary>
    public double MaxBackoffSeconds { get; set; } = 300;

    /// <summary>Seconds between two scans for due deliveries.</summary>
    public double PollIntervalSeconds { get; set; } = 1;

    /// <summary>The Orthanc user metadata name that carries the triage flag (declared in Orthanc's <c>UserMetadata</c>).</summary>
    public string PriorityMetadataName { get; set; } = "IslTriage";
}

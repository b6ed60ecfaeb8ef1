namespace Isl.PacsAgent.Delivery;

/// <summary>Where one (study revision, destination) delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>The destination has every result.</summary>
    Delivered,

    /// <summary>Given up after the maximum attempts; a dead-letter record says why.</summary>
    DeadLettered,

    /// <summary>A newer revision of the study replaced it before it was delivered.</summary>
    Superseded,
}

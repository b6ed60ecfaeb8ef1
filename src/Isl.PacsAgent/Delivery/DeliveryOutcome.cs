namespace Isl.PacsAgent.Delivery;

/// <summary>What happened to a delivery after a failed attempt.</summary>
/// <param name="DeadLettered">True when the attempt limit was reached.</param>
/// <param name="NextAttemptUtc">When it is tried again (meaningless when dead-lettered).</param>
public sealed record DeliveryOutcome(bool DeadLettered, DateTimeOffset NextAttemptUtc);

namespace Isl.PacsAgent.Delivery;

/// <summary>A delivery the agent gave up on, kept for an administrator to replay.</summary>
/// <param name="DeliveryId">The delivery row.</param>
/// <param name="StudyInstanceUid">The study.</param>
/// <param name="Destination">The destination's configured name.</param>
/// <param name="Revision">The study revision.</param>
/// <param name="Attempts">How many attempts failed.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="DeadUtc">When it was given up.</param>
public sealed record DeadLetter(long DeliveryId, string StudyInstanceUid, string Destination, int Revision, int Attempts, string LastError, DateTimeOffset DeadUtc);

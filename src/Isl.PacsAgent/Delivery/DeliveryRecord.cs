namespace Isl.PacsAgent.Delivery;

/// <summary>One delivery of a study revision's results to one destination.</summary>
/// <param name="Id">The row id.</param>
/// <param name="StudyInstanceUid">The study.</param>
/// <param name="Destination">The destination's configured name.</param>
/// <param name="Revision">The study revision whose results are delivered.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="NextAttemptUtc">When it is due.</param>
/// <param name="LastError">The latest failure, if any.</param>
public sealed record DeliveryRecord(
    long Id,
    string StudyInstanceUid,
    string Destination,
    int Revision,
    DeliveryState State,
    int Attempts,
    DateTimeOffset NextAttemptUtc,
    string? LastError);

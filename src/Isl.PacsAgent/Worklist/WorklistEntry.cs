namespace Isl.PacsAgent.Worklist;

/// <summary>One study on the triage worklist (<c>GET /api/worklist</c>).</summary>
/// <param name="Rank">Position, 1 = most suspicious.</param>
/// <param name="StudyInstanceUid">StudyInstanceUID.</param>
/// <param name="PatientId">PatientID.</param>
/// <param name="PatientName">PatientName.</param>
/// <param name="AccessionNumber">AccessionNumber.</param>
/// <param name="StudyDescription">StudyDescription.</param>
/// <param name="StudyDate">StudyDate.</param>
/// <param name="State">The pipeline state.</param>
/// <param name="Flag">ABNORMAL, NORMAL, PENDING, NOT_ANALYSED or FAILED.</param>
/// <param name="Score">The anomaly score, once scored.</param>
/// <param name="Threshold">The decision threshold, once scored.</param>
/// <param name="Reason">Why not analysed or failed.</param>
/// <param name="LastInstanceUtc">When the latest instance arrived.</param>
/// <param name="ScoredUtc">When it was scored.</param>
/// <param name="SlicesScored">Slices (or slabs) the model scored, once scored.</param>
/// <param name="SlicesNotScored">Slices (or slabs) the model did not score (too little intracranial area), once scored.</param>
/// <param name="Notes">How the series was scored (slabs, slices not scored, unreadable instances left out), once scored.</param>
/// <param name="Status">What a reader is told: received, scoring, delivering, done, not analysed, failed or dead-lettered.</param>
/// <param name="ViewerUrl">The study in the configured viewer (<c>Http:ViewerUrlTemplate</c>); null when none is configured.</param>
public sealed record WorklistEntry(
    int Rank,
    string StudyInstanceUid,
    string PatientId,
    string PatientName,
    string AccessionNumber,
    string StudyDescription,
    string StudyDate,
    string State,
    string Flag,
    double? Score,
    double? Threshold,
    string? Reason,
    DateTimeOffset LastInstanceUtc,
    DateTimeOffset? ScoredUtc,
    int? SlicesScored = null,
    int? SlicesNotScored = null,
    string? Notes = null,
    string Status = "",
    string? ViewerUrl = null);

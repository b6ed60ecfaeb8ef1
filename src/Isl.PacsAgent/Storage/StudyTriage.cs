namespace Isl.PacsAgent.Storage;

/// <summary>The scored outcome of a study.</summary>
/// <param name="SeriesInstanceUid">The series that was scored.</param>
/// <param name="Score">The scan anomaly score.</param>
/// <param name="Threshold">The bundle's decision threshold.</param>
/// <param name="Abnormal">Whether the score is at or above the threshold.</param>
/// <param name="ModelVersion">The model bundle's version.</param>
/// <param name="InputHash">A digest of the scored instances (part of the output UIDs).</param>
/// <param name="ScoredUtc">When scoring finished.</param>
/// <param name="ScoringSeconds">How long scoring took.</param>
public sealed record StudyTriage(
    string SeriesInstanceUid,
    double Score,
    double Threshold,
    bool Abnormal,
    string ModelVersion,
    string InputHash,
    DateTimeOffset ScoredUtc,
    double ScoringSeconds)
{
    /// <summary>The model bundle's id (empty in records of an older agent).</summary>
    public string ModelId { get; init; } = "";

    /// <summary>Slices (or slabs) the model scored.</summary>
    public int SlicesScored { get; init; }

    /// <summary>Slices (or slabs) of the series the model did not score (too little intracranial area).</summary>
    public int SlicesNotScored { get; init; }

    /// <summary>How the series was scored (slabs, slices not scored, instances left out as unreadable), one note per line; null when plain.</summary>
    public string? Notes { get; init; }

    /// <summary>The flag as shown to users and written to Orthanc.</summary>
    public string Flag => Abnormal ? "ABNORMAL" : "NORMAL";
}

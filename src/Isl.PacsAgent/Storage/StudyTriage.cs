using Isl.Model.Scoring;
using Isl.PacsAgent.Pipeline;

namespace Isl.PacsAgent.Storage;

/// <summary>
/// The scored outcome of a study as persisted: a projection of the scorer's <see cref="SeriesScore"/> (built by
/// <see cref="Of"/>) plus what only the pipeline knows (input hash, time, duration, notes).
/// </summary>
/// <param name="SeriesInstanceUid">The series that was scored.</param>
/// <param name="Score">The scan anomaly score.</param>
/// <param name="Threshold">The bundle's decision threshold.</param>
/// <param name="ModelVersion">The model bundle's version.</param>
/// <param name="InputHash">A digest of the scored instances (part of the output UIDs).</param>
/// <param name="ScoredUtc">When scoring finished.</param>
/// <param name="ScoringSeconds">How long scoring took.</param>
public sealed record StudyTriage(
    string SeriesInstanceUid,
    double Score,
    double Threshold,
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

    /// <summary>Whether the score is at or above the threshold (the model's <see cref="Verdict"/>).</summary>
    public bool Abnormal => Verdict.IsAbnormal(Score, Threshold);

    /// <summary>The flag as shown to users and written to Orthanc.</summary>
    public string Flag => Abnormal ? "ABNORMAL" : "NORMAL";

    /// <summary>The record of a scored series: score, threshold and model from <paramref name="score"/>, with the pipeline's own facts.</summary>
    /// <param name="seriesInstanceUid">The series that was scored.</param>
    /// <param name="score">The scorer's output.</param>
    /// <param name="inputHash">A digest of the scored instances.</param>
    /// <param name="scoredUtc">When scoring finished.</param>
    /// <param name="scoringSeconds">How long scoring took.</param>
    /// <param name="notes">The scoring notes (<see cref="ScoringNotes.Of"/>), the same the SR lists.</param>
    public static StudyTriage Of(string seriesInstanceUid, SeriesScore score, string inputHash, DateTimeOffset scoredUtc, double scoringSeconds, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(notes);
        return new StudyTriage(seriesInstanceUid, score.Score, score.Threshold, score.ModelVersion, inputHash, scoredUtc, scoringSeconds)
        {
            ModelId = score.ModelId,
            SlicesScored = score.Slices.Count(s => s.Scored),
            SlicesNotScored = score.Slices.Count(s => !s.Scored),
            Notes = notes.Count > 0 ? string.Join('\n', notes) : null,
        };
    }
}

namespace Isl.Reports;

/// <summary>
/// Everything the reports need to know about one triaged study, in plain values (no model types): the
/// scored slices, the scan score against its threshold, the flag, the region on the highest-scoring
/// slice, and who produced it.
/// </summary>
public sealed record TriageResult
{
    /// <summary>The study the result belongs to; every output goes into this study.</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>The triage outcome.</summary>
    public required TriageFlag Flag { get; init; }

    /// <summary>Why the study was not analysed (required when <see cref="Flag"/> is <see cref="TriageFlag.NotAnalysed"/>).</summary>
    public string? NotAnalysedReason { get; init; }

    /// <summary>The slices the model scored, with their scores (empty when not analysed).</summary>
    public IReadOnlyList<ScoredSlice> Slices { get; init; } = [];

    /// <summary>
    /// Images that were looked at but not scored (e.g. the candidate series of a study that was not
    /// analysed); the SR references them so the report is tied to its inputs.
    /// </summary>
    public IReadOnlyList<SourceImage> ConsideredImages { get; init; } = [];

    /// <summary>
    /// Slices of the scored series that the model did not score (e.g. too little intracranial area: air above the vertex,
    /// neck, skull base); the SR counts and references them, they get no heatmap and never carry the region.
    /// </summary>
    public IReadOnlyList<SourceImage> NotScoredSlices { get; init; } = [];

    /// <summary>Remarks on how the study was scored (instances skipped as unreadable, slabs, slices not scored); one SR text item each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The scan score (required unless not analysed).</summary>
    public double? ScanScore { get; init; }

    /// <summary>The decision threshold the scan score was compared with (required unless not analysed).</summary>
    public double? Threshold { get; init; }

    /// <summary>The suspicious region on the highest-scoring slice, if the model located one.</summary>
    public ImageRegion? Region { get; init; }

    /// <summary>The algorithm and model that produced the result.</summary>
    public required TriageAlgorithm Algorithm { get; init; }

    /// <summary>This agent, as the SR's device observer.</summary>
    public required ObserverDevice Device { get; init; }

    /// <summary>When the triage finished (the reports' content date and time).</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>
    /// A digest of the inputs, part of every output UID so that a retry with the same inputs overwrites
    /// and new inputs make new objects. Null: derived from the referenced SOP Instance UIDs.
    /// </summary>
    public string? InputHash { get; init; }

    /// <summary>The scored slice with the highest score, or null when none was scored.</summary>
    public ScoredSlice? HighestScoringSlice => Slices.Count == 0 ? null : Slices.MaxBy(s => s.Score);

    /// <summary>
    /// Every referenced image: the scored slices (each followed by its slab's sources) first, then those not scored, then
    /// the considered ones, without duplicates.
    /// </summary>
    public IReadOnlyList<SourceImage> ReferencedImages =>
        Slices.SelectMany(s => s.Sources.Prepend(s.Image)).Concat(NotScoredSlices).Concat(ConsideredImages)
            .DistinctBy(i => i.SopInstanceUid, StringComparer.Ordinal).ToList();
}

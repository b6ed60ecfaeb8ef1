namespace Isl.PacsAgent.Selection;

/// <summary>The one series of a study chosen for scoring, its slices ordered along the slice normal (feet to head).</summary>
/// <param name="StudyInstanceUid">The study.</param>
/// <param name="SeriesInstanceUid">The series.</param>
/// <param name="Slices">The instances, ordered by position along the slice normal (not by InstanceNumber).</param>
/// <param name="SliceThicknessMm">The slice thickness used for the decision.</param>
public sealed record SelectedSeries(string StudyInstanceUid, string SeriesInstanceUid, IReadOnlyList<InstanceHeader> Slices, double SliceThicknessMm);

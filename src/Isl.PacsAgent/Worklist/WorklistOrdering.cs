using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Worklist;

/// <summary>
/// Orders studies most-suspicious first: abnormal (highest score first), then studies not yet scored
/// (they may be abnormal; oldest first, they have waited longest), then normal (highest score first),
/// then failed, then not analysed (newest first).
/// </summary>
public static class WorklistOrdering
{
    /// <summary>The worklist of <paramref name="studies"/>.</summary>
    public static IReadOnlyList<WorklistEntry> Order(IEnumerable<StudyRecord> studies) =>
        studies
            .OrderBy(Tier)
            .ThenByDescending(s => s.State is StudyState.Delivering or StudyState.Done ? s.Triage?.Score ?? double.MinValue : double.MinValue)
            .ThenBy(s => Tier(s) == 1 ? s.LastInstanceUtc.UtcTicks : -s.LastInstanceUtc.UtcTicks)
            .ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal)
            .Select((s, i) => ToEntry(i + 1, s))
            .ToList();

    private static int Tier(StudyRecord study) => study.State switch
    {
        StudyState.Delivering or StudyState.Done when study.Triage is { Abnormal: true } => 0,
        StudyState.Received or StudyState.Assembling or StudyState.Scoring => 1,
        StudyState.Delivering or StudyState.Done => 2,
        StudyState.Failed => 3,
        _ => 4,
    };

    private static string Flag(StudyRecord study) => study.State switch
    {
        StudyState.Delivering or StudyState.Done => study.Triage?.Flag ?? "PENDING",
        StudyState.NotAnalysed => "NOT_ANALYSED",
        StudyState.Failed => "FAILED",
        _ => "PENDING",
    };

    private static WorklistEntry ToEntry(int rank, StudyRecord s)
    {
        var scored = s.State is StudyState.Delivering or StudyState.Done ? s.Triage : null;
        var d = s.Demographics;
        return new WorklistEntry(
            rank, s.StudyInstanceUid, d.PatientId, d.PatientName, d.AccessionNumber, d.StudyDescription, d.StudyDate,
            s.State.ToString(), Flag(s), scored?.Score, scored?.Threshold, s.Reason, s.LastInstanceUtc, scored?.ScoredUtc,
            scored?.SlicesScored, scored?.SlicesNotScored, scored?.Notes);
    }
}

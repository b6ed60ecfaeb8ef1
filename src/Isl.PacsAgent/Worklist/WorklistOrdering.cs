using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Worklist;

/// <summary>
/// Orders studies most-suspicious first: abnormal (highest score first), then studies not yet scored
/// (they may be abnormal; oldest first, they have waited longest), then normal (highest score first),
/// then failed, then not analysed (newest first). A study whose results were scored but could not be delivered
/// (dead-lettered) keeps its verdict, score and place; only its status says so.
/// </summary>
public static class WorklistOrdering
{
    /// <summary>The worklist of <paramref name="studies"/>.</summary>
    public static IReadOnlyList<WorklistEntry> Order(IEnumerable<StudyRecord> studies) => Order(studies, new HashSet<(string, int)>(), null);

    /// <summary>
    /// The worklist of <paramref name="studies"/>; <paramref name="deadLettered"/> holds (study, revision) pairs with a
    /// dead-lettered delivery; <paramref name="viewerUrlTemplate"/> (with <c>{StudyInstanceUID}</c>) links each study.
    /// </summary>
    public static IReadOnlyList<WorklistEntry> Order(IEnumerable<StudyRecord> studies, IReadOnlySet<(string Study, int Revision)> deadLettered, string? viewerUrlTemplate)
    {
        bool Dead(StudyRecord s) => deadLettered.Contains((s.StudyInstanceUid, s.Revision));
        return studies
            .OrderBy(s => Tier(s, Dead(s)))
            .ThenByDescending(s => Scored(s, Dead(s))?.Score ?? double.MinValue)
            .ThenBy(s => Tier(s, Dead(s)) == 1 ? s.LastInstanceUtc.UtcTicks : -s.LastInstanceUtc.UtcTicks)
            .ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal)
            .Select((s, i) => ToEntry(i + 1, s, Dead(s), viewerUrlTemplate))
            .ToList();
    }

    /// <summary>The viewer link of a study: <paramref name="template"/> with <c>{StudyInstanceUID}</c> replaced (URL-escaped).</summary>
    public static string? ViewerUrl(string? template, string studyInstanceUid) =>
        string.IsNullOrWhiteSpace(template) ? null : template.Replace("{StudyInstanceUID}", Uri.EscapeDataString(studyInstanceUid), StringComparison.Ordinal);

    /// <summary>The triage a reader may see: scored and current (being delivered, delivered, or its delivery given up).</summary>
    private static StudyTriage? Scored(StudyRecord study, bool dead) =>
        study.State is StudyState.Delivering or StudyState.Done || (study.State == StudyState.Failed && dead) ? study.Triage : null;

    private static int Tier(StudyRecord study, bool dead) => Scored(study, dead) switch
    {
        { Abnormal: true } => 0,
        not null => 2,
        _ => study.State switch
        {
            StudyState.Received or StudyState.Assembling or StudyState.Scoring => 1,
            StudyState.Delivering or StudyState.Done => 2,
            StudyState.Failed => 3,
            _ => 4,
        },
    };

    private static string Flag(StudyRecord study, bool dead) => Scored(study, dead)?.Flag ?? study.State switch
    {
        StudyState.NotAnalysed => "NOT_ANALYSED",
        StudyState.Failed => "FAILED",
        _ => "PENDING",
    };

    private static string Status(StudyRecord study, bool dead) => dead ? "dead-lettered" : study.State switch
    {
        StudyState.Received or StudyState.Assembling => "received",
        StudyState.Scoring => "scoring",
        StudyState.Delivering => "delivering",
        StudyState.Done => "done",
        StudyState.NotAnalysed => "not analysed",
        _ => "failed",
    };

    private static WorklistEntry ToEntry(int rank, StudyRecord s, bool dead, string? viewerUrlTemplate)
    {
        var scored = Scored(s, dead);
        var d = s.Demographics;
        return new WorklistEntry(
            rank, s.StudyInstanceUid, d.PatientId, d.PatientName, d.AccessionNumber, d.StudyDescription, d.StudyDate,
            s.State.ToString(), Flag(s, dead), scored?.Score, scored?.Threshold, s.Reason, s.LastInstanceUtc, scored?.ScoredUtc,
            scored?.SlicesScored, scored?.SlicesNotScored, scored?.Notes, Status(s, dead), ViewerUrl(viewerUrlTemplate, s.StudyInstanceUid));
    }
}

namespace Isl.PacsAgent.Storage;

/// <summary>The allowed moves between <see cref="StudyState"/>s.</summary>
/// <remarks>
/// A new instance may arrive at any time (a late series), so every state can go back to
/// <see cref="StudyState.Received"/> or <see cref="StudyState.Assembling"/>: the study is then scored again.
/// Scoring or delivery interrupted by a restart resumes from the same state.
/// </remarks>
public static class StudyStateMachine
{
    private static readonly Dictionary<StudyState, StudyState[]> Forward = new()
    {
        [StudyState.Received] = [StudyState.Assembling],
        [StudyState.Assembling] = [StudyState.Scoring],
        [StudyState.Scoring] = [StudyState.Delivering, StudyState.NotAnalysed, StudyState.Failed],
        [StudyState.Delivering] = [StudyState.Done, StudyState.Failed],
        [StudyState.Done] = [],
        [StudyState.NotAnalysed] = [],
        [StudyState.Failed] = [StudyState.Scoring],
    };

    /// <summary>Whether a study in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(StudyState from, StudyState to) =>
        to is StudyState.Received or StudyState.Assembling || from == to || Forward[from].Contains(to);

    /// <summary>Whether nothing more happens to the study unless a new instance arrives.</summary>
    public static bool IsTerminal(StudyState state) => state is StudyState.Done or StudyState.NotAnalysed or StudyState.Failed;
}

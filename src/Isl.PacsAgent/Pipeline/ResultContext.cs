namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// Everything the result builders need for one scored study revision: the scorer's <see cref="SeriesScore"/> is the one
/// result record (flag, score, threshold, model); the rest is what only the pipeline knows.
/// </summary>
/// <param name="StudyInstanceUid">The study the results go into.</param>
/// <param name="Revision">The revision being scored.</param>
/// <param name="Series">The scored series as loaded (data sets and HU of its slices).</param>
/// <param name="Score">The model output: flag, score, threshold, model identity and slice scores.</param>
/// <param name="InputHash">A digest of the scored instances (part of the output UIDs).</param>
/// <param name="ScoredUtc">When scoring finished.</param>
/// <param name="Notes">How the series was scored (<see cref="ScoringNotes.Of"/>), the same notes the study record keeps.</param>
/// <param name="OutputDirectory">Where to write the result files (emptied first).</param>
public sealed record ResultContext(
    string StudyInstanceUid,
    int Revision,
    LoadedSeries Series,
    SeriesScore Score,
    string InputHash,
    DateTimeOffset ScoredUtc,
    IReadOnlyList<string> Notes,
    string OutputDirectory);

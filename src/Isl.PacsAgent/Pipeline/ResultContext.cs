using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Pipeline;

/// <summary>Everything the result builders need for one scored study revision.</summary>
/// <param name="Study">The study as stored.</param>
/// <param name="Revision">The revision being scored.</param>
/// <param name="Series">The scored series as loaded (data sets and HU of its slices).</param>
/// <param name="Score">The model output.</param>
/// <param name="Triage">The triage record (score, flag, model version, input hash).</param>
/// <param name="OutputDirectory">Where to write the result files (emptied first).</param>
public sealed record ResultContext(StudyRecord Study, int Revision, LoadedSeries Series, SeriesScore Score, StudyTriage Triage, string OutputDirectory);

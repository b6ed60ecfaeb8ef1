using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Pipeline;

/// <summary>Everything the "not analysed" report needs for one study revision.</summary>
/// <param name="Study">The study as stored.</param>
/// <param name="Revision">The revision that was assembled.</param>
/// <param name="Instances">The study's received instances (the report references its images).</param>
/// <param name="Reason">Why no series was analysed (every series' skip reason).</param>
/// <param name="CompletedUtc">When the decision was made.</param>
/// <param name="OutputDirectory">Where to write the result files (emptied first).</param>
public sealed record NotAnalysedContext(StudyRecord Study, int Revision, IReadOnlyList<StoredInstance> Instances, string Reason, DateTimeOffset CompletedUtc, string OutputDirectory);

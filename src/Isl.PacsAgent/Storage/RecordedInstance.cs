namespace Isl.PacsAgent.Storage;

/// <summary>What cataloguing a new instance found: whether it opened a new study, and the study's state after it.</summary>
/// <param name="NewStudy">The instance is its study's first.</param>
/// <param name="State">The study's state (a new study is <see cref="StudyState.Received"/>).</param>
public sealed record RecordedInstance(bool NewStudy, StudyState State);

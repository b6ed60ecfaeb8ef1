namespace Isl.PacsAgent.Storage;

/// <summary>What cataloguing a new instance found about its study.</summary>
/// <param name="NewStudy">The instance is its study's first.</param>
/// <param name="State">The study's state (a new study is <see cref="StudyState.Received"/>).</param>
/// <param name="PreviousStableAge">The stable age of the study's previous latest instance (null for a new study or one recorded without).</param>
public sealed record RecordedInstance(bool NewStudy, StudyState State, TimeSpan? PreviousStableAge);

using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Delivery;

/// <summary>What one delivery sends: a study revision's result files and its triage.</summary>
/// <param name="Study">The study.</param>
/// <param name="Revision">The study revision.</param>
/// <param name="Triage">The triage (flag and score) for priority signals; null for a study that was not analysed (<see cref="StudyRecord.Reason"/> says why).</param>
/// <param name="Files">The Part 10 result files.</param>
public sealed record DeliveryPackage(StudyRecord Study, int Revision, StudyTriage? Triage, IReadOnlyList<string> Files);

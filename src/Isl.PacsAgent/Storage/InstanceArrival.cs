namespace Isl.PacsAgent.Storage;

/// <summary>One instance that reached the spool (by C-STORE or from Orthanc).</summary>
/// <param name="StudyInstanceUid">StudyInstanceUID.</param>
/// <param name="SeriesInstanceUid">SeriesInstanceUID.</param>
/// <param name="SopInstanceUid">SOPInstanceUID.</param>
/// <param name="Path">The Part 10 file in the spool.</param>
/// <param name="ReceivedUtc">When it was acknowledged.</param>
/// <param name="Demographics">Patient and study attributes read from it.</param>
/// <param name="StableAge">How long its study waits after it before assembly (its source's stable age; null: the configured one).</param>
public sealed record InstanceArrival(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string Path,
    DateTimeOffset ReceivedUtc,
    StudyDemographics Demographics,
    TimeSpan? StableAge = null);

using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Storage;

/// <summary>One instance that reached the spool (by C-STORE or from Orthanc), with what the ingest read of it.</summary>
/// <param name="StudyInstanceUid">StudyInstanceUID.</param>
/// <param name="Header">Its selection attributes and spool path (catalogued with it: series selection reads no file).</param>
/// <param name="ReceivedUtc">When it was acknowledged.</param>
/// <param name="Demographics">Patient and study attributes read from it.</param>
/// <param name="StableAge">How long its study waits after it before assembly (its source's stable age; null: the configured one).</param>
public sealed record InstanceArrival(
    string StudyInstanceUid,
    InstanceHeader Header,
    DateTimeOffset ReceivedUtc,
    StudyDemographics Demographics,
    TimeSpan? StableAge = null)
{
    /// <summary>SeriesInstanceUID.</summary>
    public string SeriesInstanceUid => Header.SeriesInstanceUid;

    /// <summary>SOPInstanceUID.</summary>
    public string SopInstanceUid => Header.SopInstanceUid;

    /// <summary>The Part 10 file in the spool.</summary>
    public string Path => Header.Path;
}

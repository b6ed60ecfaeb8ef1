namespace Isl.Reports;

/// <summary>An earlier triage SR of the same study that a new one supersedes (e.g. after a late series arrived).</summary>
/// <param name="SeriesInstanceUid">The earlier SR's series.</param>
/// <param name="SopInstanceUid">The earlier SR's SOP Instance UID.</param>
/// <param name="SopClassUid">The earlier SR's SOP class (Comprehensive 3D SR unless told).</param>
public sealed record PredecessorReport(string SeriesInstanceUid, string SopInstanceUid, string SopClassUid = "1.2.840.10008.5.1.4.1.1.88.34");

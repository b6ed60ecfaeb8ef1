namespace Isl.Dicom.Network.Storage;

/// <summary>One instance stored in the spool, as recorded in the index.</summary>
/// <param name="StudyInstanceUid">(0020,000D).</param>
/// <param name="SeriesInstanceUid">(0020,000E).</param>
/// <param name="SopInstanceUid">(0008,0018), the key.</param>
/// <param name="SopClassUid">(0008,0016).</param>
/// <param name="Path">The Part 10 file in the spool.</param>
/// <param name="CallingAeTitle">The AE that sent it.</param>
/// <param name="ReceivedAt">When it was stored (UTC).</param>
/// <param name="State">Its pipeline state.</param>
public sealed record ReceivedInstance(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string Path,
    string CallingAeTitle,
    DateTimeOffset ReceivedAt,
    InstanceState State = InstanceState.Received);

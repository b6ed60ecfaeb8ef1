namespace Isl.Dicom.Network.Storage;

/// <summary>One instance stored durably in the spool, with the data set parsed while it was checked (the application catalogues it).</summary>
/// <param name="StudyInstanceUid">(0020,000D).</param>
/// <param name="SeriesInstanceUid">(0020,000E).</param>
/// <param name="SopInstanceUid">(0008,0018).</param>
/// <param name="SopClassUid">(0008,0016).</param>
/// <param name="Path">The Part 10 file in the spool.</param>
/// <param name="CallingAeTitle">The AE that sent it.</param>
/// <param name="ReceivedAt">When it was stored (UTC).</param>
/// <param name="Dataset">The whole received data set, as parsed from the bytes that were written (no need to read the file again). It references the receive buffer, which is reused once the <c>InstanceStored</c> callback has completed: copy what must outlive the callback (or read the file at <paramref name="Path"/>).</param>
public sealed record ReceivedInstance(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string Path,
    string CallingAeTitle,
    DateTimeOffset ReceivedAt,
    DicomDataset Dataset);

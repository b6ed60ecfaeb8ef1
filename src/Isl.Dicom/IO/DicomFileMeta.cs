namespace Isl.Dicom.IO;

/// <summary>Builds file meta information for datasets this library writes.</summary>
internal static class DicomFileMeta
{
    public const string ImplementationVersionName = "ISL_DICOM_1";

    public static string ImplementationClassUid { get; } = DicomUid.FromName("Isl.Dicom", "ImplementationClassUID");

    public static DicomDataset Create(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var meta = new DicomDataset();
        meta.SetBytes(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 });
        meta.Set(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, dataset.GetStringOrDefault(DicomTags.SOPClassUID, string.Empty)!);
        meta.Set(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, dataset.GetStringOrDefault(DicomTags.SOPInstanceUID, string.Empty)!);
        meta.Set(DicomTags.TransferSyntaxUID, DicomVR.UI, syntax.Uid);
        meta.Set(DicomTags.ImplementationClassUID, DicomVR.UI, ImplementationClassUid);
        meta.Set(DicomTags.ImplementationVersionName, DicomVR.SH, ImplementationVersionName);
        return meta;
    }
}

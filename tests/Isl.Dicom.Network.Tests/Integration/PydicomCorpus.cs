using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>pydicom's test files that our core reads as Part 10, one per SOP Instance UID within each transfer syntax.</summary>
internal static class PydicomCorpus
{
    public static IReadOnlyList<(string Path, string SopInstanceUid, DicomTransferSyntax Syntax)> SupportedFiles()
    {
        var files = new List<(string, string, DicomTransferSyntax)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(SharedData.PydicomTestFiles, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var file = DicomFile.Open(path, new DicomReadOptions { RequirePreamble = true });
                var sop = file.FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPInstanceUID);
                var sopClass = file.FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPClassUID);
                if (sop is null || sopClass is null || !DicomUid.IsValid(sop) || !file.TransferSyntax.IsKnown
                    || sop != file.Dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) || Network.Client.Part10Layout.DatasetOffset(path) < 0)
                {
                    continue;
                }

                if (seen.Add($"{file.TransferSyntax.Uid}|{sop}"))
                {
                    files.Add((path, sop, file.TransferSyntax));
                }
            }
            catch (DicomException)
            {
            }
            catch (IOException)
            {
            }
        }

        return files;
    }
}

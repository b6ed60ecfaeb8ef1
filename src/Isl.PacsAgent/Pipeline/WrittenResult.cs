using Isl.Dicom;

namespace Isl.PacsAgent.Pipeline;

/// <summary>One SR or SC file a result writer wrote, with what the pipeline needs to know of it without reading it back.</summary>
/// <param name="Path">The file.</param>
/// <param name="SeriesInstanceUid">Its series (recorded as the agent's own, so it is never scored or forwarded back).</param>
/// <param name="SopClassUid">Its SOP class.</param>
public sealed record WrittenResult(string Path, string SeriesInstanceUid, string SopClassUid)
{
    /// <summary>Saves <paramref name="dataset"/> as <c>DIRECTORY/KIND/SOP.dcm</c> (explicit VR little endian).</summary>
    public static async Task<WrittenResult> SaveAsync(DicomDataset dataset, string directory, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var folder = System.IO.Path.Combine(directory, kind);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, dataset.GetString(DicomTags.SOPInstanceUID) + ".dcm");
        await new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, cancellationToken).ConfigureAwait(false);
        return new WrittenResult(path, dataset.GetString(DicomTags.SeriesInstanceUID), dataset.GetString(DicomTags.SOPClassUID));
    }
}

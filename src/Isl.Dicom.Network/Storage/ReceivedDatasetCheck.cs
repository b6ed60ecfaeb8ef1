using Isl.Dicom.Imaging;
using Isl.Dicom.Network.Dimse;

namespace Isl.Dicom.Network.Storage;

/// <summary>
/// What a received data set must satisfy before it is acknowledged: it parses to its end (every length consistent),
/// its pixel data is complete for its geometry (or a well-formed encapsulated sequence with a fragment per frame), it
/// carries the SOP Class and Instance UIDs of the command and the Study and Series Instance UIDs the spool files it by.
/// </summary>
internal static class ReceivedDatasetCheck
{
    /// <summary>Parses and checks the data set; returns it when it may be acknowledged.</summary>
    /// <exception cref="InstanceRejectedException">The data set must be refused; the status and message say why.</exception>
    /// <param name="datasetBytes">A buffer whose first <paramref name="length"/> bytes are the data set (the result references it).</param>
    /// <param name="length">The data set's length.</param>
    /// <param name="syntax">The negotiated transfer syntax.</param>
    /// <param name="sopClassUid">The command's SOP Class UID.</param>
    /// <param name="sopInstanceUid">The command's SOP Instance UID.</param>
    public static DicomDataset Verify(byte[] datasetBytes, int length, DicomTransferSyntax syntax, string sopClassUid, string sopInstanceUid)
    {
        DicomDataset dataset;
        try
        {
            dataset = DicomDatasetReader.Read(datasetBytes, length, syntax);
        }
        catch (DicomException ex)
        {
            throw new InstanceRejectedException(DimseStatus.CannotUnderstand, $"data set cannot be parsed: {ex.Message}", ex);
        }

        if (dataset.Count == 0)
        {
            throw new InstanceRejectedException(DimseStatus.CannotUnderstand, "the data set is empty");
        }

        RequireEqual(dataset, DicomTags.SOPClassUID, sopClassUid, "SOP Class UID");
        RequireEqual(dataset, DicomTags.SOPInstanceUID, sopInstanceUid, "SOP Instance UID");
        RequireUid(dataset, DicomTags.StudyInstanceUID, "Study Instance UID");
        RequireUid(dataset, DicomTags.SeriesInstanceUID, "Series Instance UID");
        CheckPixelData(dataset, syntax);
        return dataset;
    }

    /// <summary>A UID as the spool and the index may hold it: digits and dots, at most 64 characters.</summary>
    internal static bool IsPlainUid(string uid) =>
        uid.Length is > 0 and <= 64 && uid.All(c => char.IsAsciiDigit(c) || c == '.');

    private static void RequireEqual(DicomDataset dataset, DicomTag tag, string commandValue, string name)
    {
        var value = RequireUid(dataset, tag, name);
        if (!string.Equals(value, commandValue, StringComparison.Ordinal))
        {
            throw new InstanceRejectedException(DimseStatus.DatasetDoesNotMatchSopClass, $"the data set's {name} {Printable(value)} differs from the command's {Printable(commandValue)}");
        }
    }

    private static string RequireUid(DicomDataset dataset, DicomTag tag, string name)
    {
        string? value;
        try
        {
            value = dataset.GetStringOrDefault(tag);
        }
        catch (DicomException ex)
        {
            throw new InstanceRejectedException(DimseStatus.CannotUnderstand, $"the data set's {name} cannot be read: {ex.Message}", ex);
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new InstanceRejectedException(DimseStatus.DatasetDoesNotMatchSopClass, $"the data set has no {name} {tag}");
        }

        if (!IsPlainUid(value))
        {
            throw new InstanceRejectedException(DimseStatus.DatasetDoesNotMatchSopClass, $"the data set's {name} {Printable(value)} is not a UID");
        }

        return value;
    }

    private static void CheckPixelData(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        if (!dataset.Contains(DicomTags.PixelData))
        {
            return;
        }

        var fragments = dataset.GetFragments(DicomTags.PixelData);
        if (fragments is not null)
        {
            var frames = dataset.TryGetInt32(DicomTags.NumberOfFrames, out var n) && n > 0 ? n : 1;
            if (fragments.Fragments.Count < frames)
            {
                throw new InstanceRejectedException(DimseStatus.CannotUnderstand, $"encapsulated Pixel Data holds {fragments.Fragments.Count} fragment(s) for {frames} frame(s)");
            }
        }

        try
        {
            _ = DicomPixelData.Create(dataset, syntax);
        }
        catch (DicomNotSupportedException) when (fragments is not null)
        {
            // A codec we do not decode: the fragment structure parsed, which is what can be checked here.
        }
        catch (DicomException ex)
        {
            throw new InstanceRejectedException(DimseStatus.CannotUnderstand, $"incomplete or inconsistent pixel data: {ex.Message}", ex);
        }
    }

    /// <summary>A value quoted for a log line or error comment: control characters replaced, long values cut.</summary>
    private static string Printable(string value)
    {
        var cleaned = new string(value.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return $"'{cleaned}{(value.Length > 80 ? "…" : string.Empty)}'";
    }
}

using Isl.Dicom.Network.Dimse;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.TestData;

/// <summary>The hostile data sets of issue 16, built from one real CT slice, each with the status it must be answered.</summary>
internal static class BadDatasets
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    private static readonly Lazy<(byte[] Bytes, string SopInstanceUid)> Slice = new(() =>
    {
        var dataset = DicomFile.Open(SharedData.GeHeadCtFiles()[0]).Dataset;
        return (DicomDatasetWriter.Encode(dataset, DicomTransferSyntax.ExplicitVRLittleEndian), dataset.GetString(DicomTags.SOPInstanceUID));
    });

    /// <summary>The intact slice in Explicit VR Little Endian.</summary>
    public static byte[] GoodSlice => Slice.Value.Bytes;

    /// <summary>The slice's SOP Instance UID.</summary>
    public static string GoodSliceUid => Slice.Value.SopInstanceUid;

    /// <summary>Name, command SOP Instance UID, data set bytes (Explicit VR Little Endian) and the status that must answer them.</summary>
    public static IEnumerable<(string Name, string CommandSopInstanceUid, byte[] Dataset, ushort Status)> All()
    {
        var good = GoodSlice;
        yield return ("truncated inside Pixel Data", GoodSliceUid, good[..^1000], DimseStatus.CannotUnderstand);
        yield return ("empty data set", GoodSliceUid, [], DimseStatus.CannotUnderstand);
        yield return ("a single private tag", GoodSliceUid, [0x09, 0x00, 0x10, 0x00, (byte)'L', (byte)'O', 4, 0, (byte)'A', (byte)'C', (byte)'M', (byte)'E'], DimseStatus.DatasetDoesNotMatchSopClass);
        yield return ("garbage whose first tag is high", GoodSliceUid, HighGarbage(), DimseStatus.CannotUnderstand);
        yield return ("command SOP Instance UID differs (path traversal)", "../../../../tmp/x", good, DimseStatus.DatasetDoesNotMatchSopClass);
        yield return ("command SOP Instance UID differs (/etc/passwd)", "/etc/passwd", good, DimseStatus.DatasetDoesNotMatchSopClass);
    }

    private static byte[] HighGarbage()
    {
        var bytes = new byte[300];
        new Random(16).NextBytes(bytes);
        bytes[0] = 0xF0;
        bytes[1] = 0xFF;
        return bytes;
    }
}

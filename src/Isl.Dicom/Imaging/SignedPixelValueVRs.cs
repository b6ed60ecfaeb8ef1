namespace Isl.Dicom.Imaging;

/// <summary>
/// Implicit VR files do not say whether pixel-value attributes ("US or SS" in the dictionary) are signed.
/// Like dcmtk, a transcode to an explicit syntax writes them as SS when Pixel Representation is 1.
/// </summary>
internal static class SignedPixelValueVRs
{
    private static readonly HashSet<DicomTag> PixelValueTags =
    [
        new(0x0018, 0x9810), new(0x0022, 0x1452), new(0x0028, 0x0071), new(0x0028, 0x0104), new(0x0028, 0x0105),
        new(0x0028, 0x0106), new(0x0028, 0x0107), new(0x0028, 0x0108), new(0x0028, 0x0109), new(0x0028, 0x0110),
        new(0x0028, 0x0111), new(0x0028, 0x0120), new(0x0028, 0x0121), new(0x0040, 0x9211), new(0x0040, 0x9216),
        new(0x0060, 0x3004), new(0x0060, 0x3006),
    ];

    public static void Resolve(DicomDataset dataset)
    {
        if (!dataset.TryGetUInt16(DicomTags.PixelRepresentation, out var representation) || representation != 1)
        {
            return;
        }

        foreach (var element in dataset.Where(e => e.VR == DicomVR.US && PixelValueTags.Contains(e.Tag)).ToList())
        {
            dataset.Add(new DicomElement(element.Tag, DicomVR.SS, element.Data));
        }
    }
}

namespace Isl.Dicom.IO;

/// <summary>
/// Chooses between the VRs the dictionary allows for Implicit VR data, as dcmtk does: US/SS by Pixel
/// Representation (except LUT descriptors, which stay US), OB/OW for pixel data by Bits Allocated.
/// </summary>
internal static class ImplicitVRResolver
{
    public static void Resolve(DicomDataset dataset, bool signedPixels = false, bool bytePixels = false)
    {
        if (dataset.TryGetInt32(DicomTags.PixelRepresentation, out var representation))
        {
            signedPixels = representation == 1;
        }

        if (dataset.TryGetInt32(DicomTags.BitsAllocated, out var bitsAllocated))
        {
            bytePixels = bitsAllocated <= 8;
        }

        List<DicomElement>? replacements = null;
        foreach (var element in dataset)
        {
            if (element.IsSequence)
            {
                foreach (var item in element.Items)
                {
                    Resolve(item, signedPixels, bytePixels);
                }

                continue;
            }

            if (signedPixels && element.VR == DicomVR.US && IsPixelValueTag(element.Tag))
            {
                (replacements ??= []).Add(new DicomElement(element.Tag, DicomVR.SS, element.Data));
            }
            else if (bytePixels && element.VR == DicomVR.OW && element.Tag == DicomTags.PixelData && !element.IsEncapsulated)
            {
                (replacements ??= []).Add(new DicomElement(element.Tag, DicomVR.OB, element.Data));
            }
        }

        if (replacements is not null)
        {
            foreach (var replacement in replacements)
            {
                dataset.Add(replacement);
            }
        }
    }

    private static bool IsPixelValueTag(DicomTag tag) =>
        DicomDictionary.Default.TryGetEntry(tag, out var entry) && entry.HasAmbiguousVR && entry.VR == DicomVR.US
        && !entry.Keyword.Contains("Descriptor", StringComparison.Ordinal);
}

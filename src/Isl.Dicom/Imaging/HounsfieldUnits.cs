namespace Isl.Dicom.Imaging;

/// <summary>Converts CT frames to Hounsfield units.</summary>
public static class HounsfieldUnits
{
    /// <summary>Frame <paramref name="frame"/> of <paramref name="dataset"/> in HU (modality rescale applied).</summary>
    /// <exception cref="DicomNotSupportedException">The pixel data is compressed with a codec not supported here.</exception>
    /// <exception cref="DicomDataException">The dataset has no single-sample pixel data.</exception>
    public static float[] FromDataset(DicomDataset dataset, int frame = 0) =>
        DicomPixelData.Create(dataset).GetHounsfieldFrame(frame);

    /// <summary>Frame <paramref name="frame"/> of <paramref name="file"/> in HU, decoded per the file's transfer syntax.</summary>
    public static float[] FromFile(DicomFile file, int frame = 0) =>
        DicomPixelData.Create(file).GetHounsfieldFrame(frame);
}

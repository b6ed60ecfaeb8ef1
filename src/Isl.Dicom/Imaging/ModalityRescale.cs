namespace Isl.Dicom.Imaging;

/// <summary>The modality rescale of one frame: output = stored value × <see cref="Slope"/> + <see cref="Intercept"/>.</summary>
/// <param name="Slope">Rescale Slope (0028,1053), 1 when absent.</param>
/// <param name="Intercept">Rescale Intercept (0028,1052), 0 when absent.</param>
public readonly record struct ModalityRescale(double Slope, double Intercept)
{
    /// <summary>The rescale of frame <paramref name="frame"/>: from its Pixel Value Transformation functional group
    /// (per-frame, then shared, as in Enhanced CT), else from the top-level attributes.</summary>
    public static ModalityRescale Of(DicomDataset dataset, int frame = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (FromFunctionalGroup(dataset, DicomTags.PerFrameFunctionalGroupsSequence, frame) is { } perFrame)
        {
            return perFrame;
        }

        if (FromFunctionalGroup(dataset, DicomTags.SharedFunctionalGroupsSequence, 0) is { } shared)
        {
            return shared;
        }

        return FromAttributes(dataset) ?? new ModalityRescale(1, 0);
    }

    private static ModalityRescale? FromFunctionalGroup(DicomDataset dataset, DicomTag groups, int index)
    {
        if (dataset.TryGetSequence(groups, out var items) && index < items.Count
            && items[index].TryGetSequence(DicomTags.PixelValueTransformationSequence, out var transformation) && transformation.Count > 0)
        {
            return FromAttributes(transformation[0]);
        }

        return null;
    }

    private static ModalityRescale? FromAttributes(DicomDataset dataset)
    {
        var hasSlope = dataset.TryGetDouble(DicomTags.RescaleSlope, out var slope);
        var hasIntercept = dataset.TryGetDouble(DicomTags.RescaleIntercept, out var intercept);
        if (!hasSlope && !hasIntercept)
        {
            return null;
        }

        return new ModalityRescale(hasSlope && slope != 0 ? slope : 1, hasIntercept ? intercept : 0);
    }
}

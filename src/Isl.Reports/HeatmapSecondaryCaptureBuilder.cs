using System.Globalization;
using Isl.Dicom;
using Isl.Reports.Coding;
using Isl.Reports.Rendering;
using SkiaSharp;

namespace Isl.Reports;

/// <summary>
/// Builds the heatmap series: one RGB Secondary Capture image per scored slice, the brain-window CT with
/// the anomaly heatmap blended in and a burned-in banner (not for diagnostic use, flag, scores), each
/// referencing its CT slice, in its own series of the same study with deterministic UIDs.
/// </summary>
public sealed class HeatmapSecondaryCaptureBuilder
{
    private const int MaximumEdge = 8192; // far above any CT slice; keeps RGB buffers well inside array limits

    private readonly TriageReportOptions _options;
    private readonly HeatmapRenderOptions _render;

    /// <summary>Creates a builder (defaults when an option is null).</summary>
    public HeatmapSecondaryCaptureBuilder(TriageReportOptions? options = null, HeatmapRenderOptions? render = null)
    {
        _options = options ?? new TriageReportOptions();
        _render = render ?? new HeatmapRenderOptions();
    }

    /// <summary>
    /// One Secondary Capture image per entry of <paramref name="slices"/>, numbered in that order.
    /// Patient and study attributes are copied verbatim from <paramref name="studySource"/>.
    /// </summary>
    /// <exception cref="TriageReportException">The result was not analysed, a slice was not scored, or sizes do not match.</exception>
    public IReadOnlyList<DicomDataset> Build(TriageResult result, IReadOnlyList<HeatmapSlice> slices, DicomDataset studySource)
    {
        TriageResultValidator.Validate(result);
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(studySource);
        if (result.Flag == TriageFlag.NotAnalysed)
        {
            throw new TriageReportException($"Study {result.StudyInstanceUid} was not analysed: there is no heatmap to show.");
        }

        var uids = new TriageUids(result);
        var scores = result.Slices.ToDictionary(s => s.Image.SopInstanceUid, s => s.Score, StringComparer.Ordinal);
        var duplicate = slices.GroupBy(s => s?.Image.SopInstanceUid, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TriageReportException($"Slice {duplicate.Key} is given {duplicate.Count()} times: each slice makes one heatmap image.");
        }

        var images = new List<DicomDataset>(slices.Count);
        for (var i = 0; i < slices.Count; i++)
        {
            var slice = slices[i];
            Validate(slice);
            if (!scores.TryGetValue(slice.Image.SopInstanceUid, out var sliceScore))
            {
                throw new TriageReportException($"Heatmap slice {slice.Image.SopInstanceUid} is not among the result's scored slices.");
            }

            images.Add(BuildImage(result, uids, slice, sliceScore, i + 1, slices.Count, studySource));
        }

        return images;
    }

    /// <summary>The RGB pixels (interleaved, 8-bit) of one heatmap image, banner included.</summary>
    public byte[] Render(TriageResult result, HeatmapSlice slice, double sliceScore, int position, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        Validate(slice);
        var rgb = HeatmapCompositor.Compose(slice, _render);
        BannerRenderer.Burn(rgb, slice.Image.Columns, slice.Image.Rows, BannerLines(result, sliceScore, position, count));
        return rgb;
    }

    private DicomDataset BuildImage(TriageResult result, TriageUids uids, HeatmapSlice slice, double sliceScore, int number, int count, DicomDataset studySource)
    {
        var sc = new DicomDataset();
        CommonModules.CopyPatientAndStudy(studySource, sc, result.StudyInstanceUid);
        sc.Set(DicomTags.SOPClassUID, DicomSopClass.SecondaryCaptureImageStorage);
        sc.Set(DicomTags.SOPInstanceUID, uids.HeatmapSopInstanceUid(slice.Image.SopInstanceUid));
        CommonModules.SetContentDateTime(sc, result.CompletedAt);
        CommonModules.SetEquipment(sc, result);

        sc.Set(DicomTags.Modality, "OT");
        sc.Set(DicomTags.SeriesInstanceUID, uids.HeatmapSeriesInstanceUid);
        sc.SetInt32(DicomTags.SeriesNumber, _options.HeatmapSeriesNumber);
        sc.Set(DicomTags.SeriesDescription, CommonModules.Ascii(_options.HeatmapSeriesDescription, 64));
        sc.Set(DicomTags.BodyPartExamined, "HEAD"); // an unpaired part: General Series' Laterality is then absent

        sc.Set(DicomTags.ConversionType, "WSD");
        sc.Set(DicomTags.SecondaryCaptureDeviceManufacturer, CommonModules.Ascii(result.Device.Manufacturer, 64));
        sc.Set(DicomTags.SecondaryCaptureDeviceManufacturerModelName, CommonModules.Ascii(result.Device.ModelName, 64));
        sc.Set(DicomTags.SecondaryCaptureDeviceSoftwareVersions, CommonModules.Ascii(result.Algorithm.Version, 64));
        sc.SetDate(DicomTags.DateOfSecondaryCapture, DateOnly.FromDateTime(result.CompletedAt.DateTime));
        sc.SetTime(DicomTags.TimeOfSecondaryCapture, TimeOnly.FromDateTime(result.CompletedAt.DateTime));

        sc.SetInt32(DicomTags.InstanceNumber, number);
        sc.Set(DicomTags.PatientOrientation);
        sc.Set(DicomTags.ImageType, "DERIVED", "SECONDARY");
        sc.Set(DicomTags.DerivationDescription, CommonModules.Ascii(
            string.Create(CultureInfo.InvariantCulture, $"AI anomaly heatmap over CT window WL {_render.WindowCenter}/WW {_render.WindowWidth}; {result.Algorithm.Name} {result.Algorithm.Version}"), 1024));
        sc.SetSequence(DicomTags.SourceImageSequence, (slice.Sources.Count > 0 ? slice.Sources : [slice.Image]).Select(SourceReference));
        sc.Set(DicomTags.BurnedInAnnotation, "YES");
        sc.Set(DicomTags.ImageComments, CommonModules.Ascii(
            string.Create(CultureInfo.InvariantCulture, $"AI triage {FlagText(result.Flag)}; slice score {sliceScore:0.####}; scan score {result.ScanScore:0.####}; threshold {result.Threshold:0.####}. NOT FOR DIAGNOSTIC USE"), 10240));

        sc.SetUInt16(DicomTags.SamplesPerPixel, 3);
        sc.Set(DicomTags.PhotometricInterpretation, "RGB");
        sc.SetUInt16(DicomTags.PlanarConfiguration, 0);
        sc.SetUInt16(DicomTags.Rows, (ushort)slice.Image.Rows);
        sc.SetUInt16(DicomTags.Columns, (ushort)slice.Image.Columns);
        sc.SetUInt16(DicomTags.BitsAllocated, 8);
        sc.SetUInt16(DicomTags.BitsStored, 8);
        sc.SetUInt16(DicomTags.HighBit, 7);
        sc.SetUInt16(DicomTags.PixelRepresentation, 0);
        sc.SetBytes(DicomTags.PixelData, DicomVR.OB, Render(result, slice, sliceScore, number, count));
        return sc;
    }

    private List<(string Text, SKColor Color)> BannerLines(TriageResult result, double sliceScore, int position, int count) =>
    [
        (_render.BannerText, SKColors.Yellow),
        (string.Create(CultureInfo.InvariantCulture, $"{FlagText(result.Flag)}  score {result.ScanScore:0.000} / thr {result.Threshold:0.000}"),
            result.Flag == TriageFlag.Abnormal ? new SKColor(255, 80, 80) : new SKColor(120, 255, 120)),
        (string.Create(CultureInfo.InvariantCulture, $"slice {position}/{count}  slice score {sliceScore:0.000}"), SKColors.White),
    ];

    private static string FlagText(TriageFlag flag) => flag switch
    {
        TriageFlag.Abnormal => "ABNORMAL",
        TriageFlag.Normal => "NORMAL",
        _ => "NOT ANALYSED",
    };

    private static DicomDataset SourceReference(SourceImage image)
    {
        var reference = new DicomDataset();
        reference.Set(DicomTags.ReferencedSOPClassUID, image.SopClassUid);
        reference.Set(DicomTags.ReferencedSOPInstanceUID, image.SopInstanceUid);
        reference.SetSequence(DicomTags.PurposeOfReferenceCodeSequence, [TriageCodes.SourceImageForProcessing.ToItem()]);
        return reference;
    }

    private static void Validate(HeatmapSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var image = slice.Image;
        if (image.Rows is <= 0 or > MaximumEdge || image.Columns is <= 0 or > MaximumEdge)
        {
            throw new TriageReportException($"Slice {image.SopInstanceUid} has an invalid size {image.Columns}×{image.Rows}.");
        }

        if (slice.Hounsfield is null || slice.Hounsfield.Length != image.Rows * image.Columns)
        {
            throw new TriageReportException($"Slice {image.SopInstanceUid}: {slice.Hounsfield?.Length ?? 0} HU values for a {image.Columns}×{image.Rows} image.");
        }

        if (slice.Heatmap is null || slice.HeatmapColumns <= 0 || slice.HeatmapRows <= 0 || slice.Heatmap.Length != slice.HeatmapColumns * slice.HeatmapRows)
        {
            throw new TriageReportException($"Slice {image.SopInstanceUid}: a heatmap of {slice.Heatmap?.Length ?? 0} values does not match {slice.HeatmapColumns}×{slice.HeatmapRows}.");
        }
    }
}

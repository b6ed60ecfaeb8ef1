using System.Globalization;
using Isl.Dicom;
using Isl.Reports.Coding;
using Isl.Reports.Rendering;
using SkiaSharp;

namespace Isl.Reports;

/// <summary>
/// Builds the heatmap series: instance 1 is a summary image (the most suspicious slices side by side above the per-slice
/// score curve), then one RGB Secondary Capture image per scored slice: the brain-window CT with the heatmap's colour
/// only where the heat is above the minimum, a contour at that edge, and a banner in a margin below the image (not for
/// diagnostic use, the study verdict, that slice's own score against the threshold, a colour bar). Each references its
/// CT slice; all are in their own series of the same study with deterministic UIDs.
/// </summary>
public sealed class HeatmapSecondaryCaptureBuilder
{
    private const int MaximumEdge = 8192; // far above any CT slice; keeps RGB buffers well inside array limits
    private const int BannerLines = 3;
    private static readonly SKColor AboveColor = new(255, 80, 80);

    private readonly TriageReportOptions _options;
    private readonly HeatmapRenderOptions _render;

    /// <summary>Creates a builder (defaults when an option is null).</summary>
    public HeatmapSecondaryCaptureBuilder(TriageReportOptions? options = null, HeatmapRenderOptions? render = null)
    {
        _options = options ?? new TriageReportOptions();
        _render = render ?? new HeatmapRenderOptions();
    }

    /// <summary>The rows a banner adds below an image <paramref name="columns"/> wide (every image of the series has them).</summary>
    public static int BannerRows(int columns) => BannerRenderer.Height(columns, BannerLines);

    /// <summary>
    /// The summary image (when <see cref="TriageReportOptions.HeatmapSummary"/>) and then one Secondary Capture image per
    /// entry of <paramref name="slices"/>, numbered in that order. Patient and study attributes are copied verbatim from
    /// <paramref name="studySource"/>.
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
        var positions = result.Slices.Select((s, i) => (s.Image.SopInstanceUid, i)).ToDictionary(p => p.SopInstanceUid, p => p.i + 1, StringComparer.Ordinal);
        var duplicate = slices.GroupBy(s => s?.Image.SopInstanceUid, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TriageReportException($"Slice {duplicate.Key} is given {duplicate.Count()} times: each slice makes one heatmap image.");
        }

        foreach (var slice in slices)
        {
            Validate(slice);
            if (!positions.ContainsKey(slice.Image.SopInstanceUid))
            {
                throw new TriageReportException($"Heatmap slice {slice.Image.SopInstanceUid} is not among the result's scored slices.");
            }
        }

        var images = new List<DicomDataset>(slices.Count + 1);
        if (_options.HeatmapSummary && slices.Count > 0)
        {
            images.Add(BuildSummary(result, uids, slices, positions, studySource));
        }

        foreach (var slice in slices)
        {
            var position = positions[slice.Image.SopInstanceUid];
            var pixels = Render(result, slice, result.Slices[position - 1].Score, position, result.Slices.Count);
            var sc = NewImage(result, uids, uids.HeatmapSopInstanceUid(slice.Image.SopInstanceUid), images.Count + 1, studySource);
            sc.SetSequence(DicomTags.SourceImageSequence, (slice.Sources.Count > 0 ? slice.Sources : [slice.Image]).Select(SourceReference));
            sc.Set(DicomTags.ImageComments, CommonModules.Ascii(
                string.Create(CultureInfo.InvariantCulture, $"AI triage {FlagText(result.Flag)}; slice score {result.Slices[position - 1].Score:0.####}; scan score {result.ScanScore:0.####}; threshold {result.Threshold:0.####}. NOT FOR DIAGNOSTIC USE"), 10240));
            SetPixels(sc, slice.Image.Columns, slice.Image.Rows + BannerRows(slice.Image.Columns), pixels);
            images.Add(sc);
        }

        return images;
    }

    /// <summary>
    /// The RGB pixels (interleaved, 8-bit) of one heatmap image: the composited slice, then the banner's rows
    /// (<see cref="BannerRows"/>) below it, so the image is <c>Columns</c> wide and <c>Rows + BannerRows(Columns)</c> high.
    /// The banner goes under the head because viewers float their own controls over the top (OHIF opens its cine player
    /// there for OT series, and corner overlays sit top-left).
    /// </summary>
    public byte[] Render(TriageResult result, HeatmapSlice slice, double sliceScore, int position, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        Validate(slice);
        var composite = HeatmapCompositor.Compose(slice, _render);
        var threshold = result.Threshold ?? double.NaN;
        var line = string.Create(CultureInfo.InvariantCulture, $"Slice {position}/{count}: score {sliceScore:0.000} {(sliceScore >= threshold ? ">=" : "<")} thr {threshold:0.000}");
        var banner = BannerRenderer.Render(slice.Image.Columns, Banner(result, (line, sliceScore >= threshold ? AboveColor : SKColors.White)));
        return [.. composite, .. banner];
    }

    private DicomDataset BuildSummary(TriageResult result, TriageUids uids, IReadOnlyList<HeatmapSlice> slices, Dictionary<string, int> positions, DicomDataset studySource)
    {
        // One size for the whole series (the first slice's): viewers stack the series' images in one viewport.
        int columns = slices[0].Image.Columns, rows = slices[0].Image.Rows;
        var top = slices.OrderByDescending(s => result.Slices[positions[s.Image.SopInstanceUid] - 1].Score).Take(Math.Max(1, _options.SummarySlices)).ToList();
        var tiles = top.Select(s =>
        {
            var position = positions[s.Image.SopInstanceUid];
            return new SummaryTile(HeatmapCompositor.Compose(s, _render), s.Image.Columns, s.Image.Rows, position, result.Slices[position - 1].Score);
        }).ToList();
        var body = SummaryRenderer.Render(columns, rows, tiles, result.Slices.Select(s => s.Score).ToList(), result.Threshold!.Value);
        var line = string.Create(CultureInfo.InvariantCulture, $"Summary: top {tiles.Count} of {result.Slices.Count} scored slices");
        byte[] pixels = [.. body, .. BannerRenderer.Render(columns, Banner(result, (line, SKColors.White)))];

        var sc = NewImage(result, uids, uids.HeatmapSummarySopInstanceUid, 1, studySource);
        sc.SetSequence(DicomTags.SourceImageSequence, top.SelectMany(s => s.Sources.Count > 0 ? s.Sources : [s.Image]).Select(SourceReference));
        sc.Set(DicomTags.ImageComments, CommonModules.Ascii(
            string.Create(CultureInfo.InvariantCulture, $"AI triage {FlagText(result.Flag)} summary; scan score {result.ScanScore:0.####}; threshold {result.Threshold:0.####}; most suspicious slices {string.Join(", ", tiles.Select(t => $"{t.Position} ({t.Score:0.####})"))}. NOT FOR DIAGNOSTIC USE"), 10240));
        SetPixels(sc, columns, rows + BannerRows(columns), pixels);
        return sc;
    }

    private DicomDataset NewImage(TriageResult result, TriageUids uids, string sopInstanceUid, int number, DicomDataset studySource)
    {
        var sc = new DicomDataset();
        CommonModules.CopyPatientAndStudy(studySource, sc, result.StudyInstanceUid);
        sc.Set(DicomTags.SOPClassUID, DicomSopClass.SecondaryCaptureImageStorage);
        sc.Set(DicomTags.SOPInstanceUID, sopInstanceUid);
        CommonModules.SetContentDateTime(sc, result.CompletedAt);
        CommonModules.SetEquipment(sc, result);

        sc.Set(DicomTags.Modality, "OT");
        sc.Set(DicomTags.SeriesInstanceUID, uids.HeatmapSeriesInstanceUid);
        sc.SetInt32(DicomTags.SeriesNumber, _options.HeatmapSeriesNumber);
        sc.Set(DicomTags.SeriesDescription, TriageReportOptions.SeriesDescription(_options.HeatmapSeriesPrefix, result));
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
        sc.Set(DicomTags.BurnedInAnnotation, "YES");
        return sc;
    }

    private static void SetPixels(DicomDataset sc, int columns, int rows, byte[] rgb)
    {
        if (rows > ushort.MaxValue || rgb.Length != columns * rows * 3)
        {
            throw new TriageReportException($"A heatmap image of {columns}×{rows} got {rgb.Length} RGB bytes.");
        }

        sc.SetUInt16(DicomTags.SamplesPerPixel, 3);
        sc.Set(DicomTags.PhotometricInterpretation, "RGB");
        sc.SetUInt16(DicomTags.PlanarConfiguration, 0);
        sc.SetUInt16(DicomTags.Rows, (ushort)rows);
        sc.SetUInt16(DicomTags.Columns, (ushort)columns);
        sc.SetUInt16(DicomTags.BitsAllocated, 8);
        sc.SetUInt16(DicomTags.BitsStored, 8);
        sc.SetUInt16(DicomTags.HighBit, 7);
        sc.SetUInt16(DicomTags.PixelRepresentation, 0);
        sc.SetBytes(DicomTags.PixelData, DicomVR.OB, rgb);
    }

    private List<(string Text, SKColor Color)> Banner(TriageResult result, (string Text, SKColor Color) last) =>
    [
        (_render.BannerText, SKColors.Yellow),
        (string.Create(CultureInfo.InvariantCulture, $"STUDY {(result.Flag == TriageFlag.Abnormal ? "ABNORMAL" : "no anomaly")}: score {result.ScanScore:0.000} {(result.Flag == TriageFlag.Abnormal ? ">=" : "<")} thr {result.Threshold:0.000}"),
            result.Flag == TriageFlag.Abnormal ? AboveColor : new SKColor(120, 255, 120)),
        last,
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

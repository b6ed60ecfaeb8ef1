using System.Text.Json;
using Isl.Dicom;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Phantoms;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Viewer;

/// <summary>
/// One phantom study as Orthanc holds it after triage: its SR (content, series, the region's slice and box) and its
/// heatmap series (which SC image shows which CT slice), beside the phantom that made it (masks, HU).
/// </summary>
public sealed class StudyOutputs
{
    private readonly Dictionary<int, string> _heatmapBySlice;

    private StudyOutputs(PhantomStudy phantom, string studyInstanceUid, string patientName, TriageSrContent sr, string srSeries, string heatmapSeries, (int, double[]) region, Dictionary<int, string> heatmaps)
    {
        Phantom = phantom;
        StudyInstanceUid = studyInstanceUid;
        PatientName = patientName;
        Sr = sr;
        SrSeriesInstanceUid = srSeries;
        HeatmapSeriesInstanceUid = heatmapSeries;
        Region = region;
        _heatmapBySlice = heatmaps;
    }

    /// <summary>The phantom the study was generated from.</summary>
    public PhantomStudy Phantom { get; }

    /// <summary>The study.</summary>
    public string StudyInstanceUid { get; }

    /// <summary>Its Patient's Name (what the study list shows).</summary>
    public string PatientName { get; }

    /// <summary>The SR's finding, scores and references.</summary>
    public TriageSrContent Sr { get; }

    /// <summary>The SR's series.</summary>
    public string SrSeriesInstanceUid { get; }

    /// <summary>The heatmap series.</summary>
    public string HeatmapSeriesInstanceUid { get; }

    /// <summary>The slice index the SR's Image Region is on, and its box (left, top, right, bottom) in pixels.</summary>
    public (int Index, double[] Box) Region { get; }

    /// <summary>The SOP Instance UID of the heatmap image of CT slice <paramref name="index"/>.</summary>
    public string HeatmapOf(int index) =>
        _heatmapBySlice.TryGetValue(index, out var sop) ? sop : throw new InvalidOperationException($"Slice {index + 1} of {StudyInstanceUid} has no heatmap image (slices with one: {string.Join(", ", _heatmapBySlice.Keys.Order().Select(k => k + 1))}).");

    /// <summary>Whether pixel (column, row) of slice <paramref name="index"/> is lesion in the phantom's mask.</summary>
    public Func<int, int, bool> LesionAt(int index)
    {
        var mask = Phantom.MaskSlice(index).ToArray();
        var columns = Phantom.Columns;
        return (column, row) => mask[(row * columns) + column] != 0;
    }

    /// <summary>Whether pixel (column, row) of slice <paramref name="index"/> is head (above −500 HU), not the air around it.</summary>
    public Func<int, int, bool> HeadAt(int index)
    {
        var hu = Phantom.HounsfieldSlice(index).ToArray();
        var columns = Phantom.Columns;
        return (column, row) => hu[(row * columns) + column] > -500;
    }

    /// <summary>The slice with the most lesion pixels among those with a heatmap, and the lesion's bounding box on it.</summary>
    public (int Index, (int Left, int Top, int Right, int Bottom) Box) LargestLesionSlice()
    {
        var best = _heatmapBySlice.Keys.MaxBy(i => Phantom.MaskSlice(i).ToArray().Count(v => v != 0));
        var mask = Phantom.MaskSlice(best).ToArray();
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                var (x, y) = (i % Phantom.Columns, i / Phantom.Columns);
                (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
            }
        }

        return right < 0 ? throw new InvalidOperationException("The phantom has no lesion pixel on any slice with a heatmap.") : (best, (left, top, right, bottom));
    }

    /// <summary>Downloads the study's SR and heatmap images from <paramref name="orthanc"/> into <paramref name="folder"/>, checks them with dciodvfy and reads them.</summary>
    public static async Task<StudyOutputs> ReadAsync(OrthancProcess orthanc, string studyInstanceUid, PhantomStudy phantom, string folder)
    {
        Directory.CreateDirectory(folder);
        var slices = Enumerable.Range(0, phantom.SliceCount).ToDictionary(i => phantom.CreateDataset(i).GetString(DicomTags.SOPInstanceUID), i => i, StringComparer.Ordinal);
        var series = await OrthancContents.SeriesAsync(orthanc.Http, studyInstanceUid);
        var srSeries = series.Single(s => s.Modality == "SR");
        var heatmapSeries = series.Single(s => s.Modality == "OT");

        var srPath = await DownloadAsync(orthanc, srSeries.SopInstanceUids.Single(), Path.Combine(folder, "sr.dcm"));
        Dciodvfy.AssertClean(srPath);
        var sr = DicomFile.Open(srPath).Dataset;
        var scoord = Flatten(sr.GetSequence(DicomTags.ContentSequence)).Single(i => i.GetStringOrDefault(DicomTags.ValueType, "") == "SCOORD");
        var regionSop = scoord.GetSequence(DicomTags.ContentSequence)[0].GetSequence(DicomTags.ReferencedSOPSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID);
        var points = scoord.GetDoubles(DicomTags.GraphicData);
        var xs = points.Where((_, i) => i % 2 == 0).ToList();
        var ys = points.Where((_, i) => i % 2 == 1).ToList();

        var heatmaps = new Dictionary<int, string>();
        foreach (var sop in heatmapSeries.SopInstanceUids)
        {
            var path = await DownloadAsync(orthanc, sop, Path.Combine(folder, $"sc-{heatmaps.Count}.dcm"));
            var sc = DicomFile.Open(path, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset;
            if (sc.GetInt32(DicomTags.InstanceNumber) == 1)
            {
                Dciodvfy.AssertClean(path); // the summary image
                continue;
            }

            heatmaps[slices[sc.GetSequence(DicomTags.SourceImageSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID)]] = sop;
        }

        return new StudyOutputs(phantom, studyInstanceUid, sr.GetString(DicomTags.PatientName), TriageSrContent.Read(sr), srSeries.SeriesInstanceUid, heatmapSeries.SeriesInstanceUid,
            (slices[regionSop], [xs.Min(), ys.Min(), xs.Max(), ys.Max()]), heatmaps);
    }

    private static IEnumerable<DicomDataset> Flatten(IEnumerable<DicomDataset> items) =>
        items.SelectMany(i => Flatten(i.TryGetSequence(DicomTags.ContentSequence, out var children) ? children : []).Prepend(i));

    private static async Task<string> DownloadAsync(OrthancProcess orthanc, string sopInstanceUid, string path)
    {
        using var content = new StringContent(sopInstanceUid);
        using var lookup = await orthanc.Http.PostAsync(new Uri("tools/lookup", UriKind.Relative), content);
        var id = JsonDocument.Parse(await lookup.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single(m => m.GetProperty("Type").GetString() == "Instance").GetProperty("ID").GetString();
        await File.WriteAllBytesAsync(path, await orthanc.Http.GetByteArrayAsync(new Uri($"instances/{id}/file", UriKind.Relative)));
        return path;
    }
}

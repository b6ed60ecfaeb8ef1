using Isl.Dicom;
using Isl.Dicom.Imaging;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Pipeline;
using Isl.Reports;

namespace Isl.PacsAgent.Reporting;

/// <summary>
/// Writes a scored study's results with Isl.Reports: the TID 1500 Comprehensive 3D SR and one heatmap Secondary
/// Capture per scored slice or slab (shown on the slab's central slice, referencing all its sources); slices the model
/// did not score are referenced and counted but get no heatmap and never carry the region, which lies on the most
/// suspicious scored slice's intracranial hot spot (<see cref="SuspiciousRegion"/>). UIDs derive from (study,
/// model, input hash) so that a retry overwrites. A later revision's SR names the previous revision's SR as its predecessor.
/// </summary>
public sealed class ReportResultWriter : IResultWriter
{
    private const string Comprehensive3DSr = "1.2.840.10008.5.1.4.1.1.88.34";

    /// <inheritdoc />
    public async Task<IReadOnlyList<WrittenResult>> WriteAsync(ResultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Every slice the scores name was read by the pipeline once (LoadedSeries): no file is opened here.
        var loaded = context.Series;
        var images = new Dictionary<string, SourceImage>(StringComparer.Ordinal);
        SourceImage Image(string sop) => images.TryGetValue(sop, out var image) ? image : images[sop] = SourceImage.FromDataset(loaded[sop].Dataset);
        IReadOnlyList<SourceImage> Sources(SliceScore slice) => slice.SourceSopInstanceUids.Count > 0 ? slice.Sources.Select(Image).ToList() : [];

        var scores = context.Score.Slices;
        var counted = scores.Where(s => s.Scored).ToList();
        var uncounted = scores.Where(s => !s.Scored).ToList();
        var scored = counted.Select(s => new ScoredSlice(Image(s.SopInstanceUid), s.Score) { Sources = Sources(s) }).ToList();
        var studySource = loaded[scores[0].SopInstanceUid].Dataset;
        var best = counted.Count > 0 ? counted.MaxBy(s => s.Score) : null;
        var bestImage = best is null ? null : Image(best.SopInstanceUid);
        var heatmaps = counted
            .Where(s => s.Heatmap is not null)
            .Select(s => new HeatmapSlice(Image(s.SopInstanceUid), loaded[s.SopInstanceUid].Hounsfield, s.Heatmap!, s.Columns, s.Rows) { Sources = Sources(s) })
            .ToList();
        var region = best is null ? null : SuspiciousRegion.Locate(
            loaded[best.SopInstanceUid].Hounsfield,
            bestImage!.Columns, bestImage.Rows, best.Heatmap, best.Columns, best.Rows, context.Score.Abnormal ? best.Peak : null);
        var result = new TriageResult
        {
            StudyInstanceUid = context.StudyInstanceUid,
            Flag = context.Score.Abnormal ? TriageFlag.Abnormal : TriageFlag.Normal,
            Slices = scored,
            NotScoredSlices = uncounted.Select(s => Image(s.SopInstanceUid)).ToList(),
            ConsideredImages = uncounted.SelectMany(Sources).ToList(),
            Notes = context.Notes,
            ScanScore = context.Score.Score,
            Threshold = context.Score.Threshold,
            Region = region,
            Algorithm = new TriageAlgorithm(context.Score.ModelName, context.Score.ModelVersion, context.Score.ModelId, context.Score.ModelVersion),
            Device = new ObserverDevice(
                DicomUid.IsValid(context.Score.DeviceUid) ? context.Score.DeviceUid : DicomUid.FromName("isl-agent-device", context.Score.ModelId),
                "ISL triage agent", AgentIdentity.Manufacturer, "isl-agent"),
            CompletedAt = context.ScoredUtc,
            InputHash = context.InputHash,
        };

        var files = new List<WrittenResult>();
        var sr = new TriageSrBuilder().Build(result, studySource, FindPredecessor(context));
        files.Add(await WrittenResult.SaveAsync(sr, context.OutputDirectory, "sr", cancellationToken).ConfigureAwait(false));
        if (heatmaps.Count > 0)
        {
            foreach (var sc in new HeatmapSecondaryCaptureBuilder().Build(result, heatmaps, studySource))
            {
                files.Add(await WrittenResult.SaveAsync(sc, context.OutputDirectory, "sc", cancellationToken).ConfigureAwait(false));
            }
        }

        return files;
    }

    private static PredecessorReport? FindPredecessor(ResultContext context)
    {
        var outputRoot = Path.GetDirectoryName(Path.GetDirectoryName(context.OutputDirectory))!;
        for (var revision = context.Revision - 1; revision >= 1; revision--)
        {
            foreach (var file in ResultFiles.List(outputRoot, context.StudyInstanceUid, revision))
            {
                var d = DicomFile.Open(file, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset;
                if (d.GetStringOrDefault(DicomTags.SOPClassUID, "") == Comprehensive3DSr)
                {
                    return new PredecessorReport(d.GetString(DicomTags.SeriesInstanceUID), d.GetString(DicomTags.SOPInstanceUID));
                }
            }
        }

        return null;
    }
}

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
        var paths = context.Series.Slices.ToDictionary(s => s.SopInstanceUid, s => s.Path, StringComparer.Ordinal);
        // The slices the scorer read; one it did not read (unreadable, skipped) is opened once, headers only.
        var loaded = context.Score.Loaded;
        var headers = new Dictionary<string, DicomDataset>(StringComparer.Ordinal);
        DicomDataset Header(string sop) => loaded.TryGetValue(sop, out var read) ? read.Dataset : headers.TryGetValue(sop, out var known)
            ? known
            : headers[sop] = DicomFile.Open(paths[sop], new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset;
        SourceImage Image(string sop) => SourceImage.FromDataset(Header(sop));
        IReadOnlyList<SourceImage> Sources(SliceScore slice) => slice.SourceSopInstanceUids.Count > 0 ? slice.Sources.Select(Image).ToList() : [];

        // Only the instances the scorer used are opened: one it skipped as unreadable may not even parse.
        var scores = context.Score.Slices;
        var counted = scores.Where(s => s.Scored).ToList();
        var uncounted = scores.Where(s => !s.Scored).ToList();
        var scored = counted.Select(s => new ScoredSlice(Image(s.SopInstanceUid), s.Score) { Sources = Sources(s) }).ToList();
        var studySource = Header(scores[0].SopInstanceUid);
        var best = counted.Count > 0 ? counted.MaxBy(s => s.Score) : null;
        var bestImage = best is null ? null : scored[counted.IndexOf(best)].Image;
        var heatmaps = counted
            .Where(s => s.Heatmap is not null)
            .Select(s => (loaded.TryGetValue(s.SopInstanceUid, out var read)
                ? new HeatmapSlice(SourceImage.FromDataset(read.Dataset), read.Hounsfield, s.Heatmap!, s.Columns, s.Rows)
                : HeatmapSlice.FromDataset(DicomFile.Open(paths[s.SopInstanceUid]).Dataset, s.Heatmap!, s.Columns, s.Rows)) with { Sources = Sources(s) })
            .ToList();
        var region = best is null ? null : SuspiciousRegion.Locate(
            heatmaps.FirstOrDefault(h => h.Image.SopInstanceUid == best.SopInstanceUid)?.Hounsfield ?? (loaded.TryGetValue(best.SopInstanceUid, out var top) ? top.Hounsfield : HounsfieldUnits.FromDataset(DicomFile.Open(paths[best.SopInstanceUid]).Dataset)),
            bestImage!.Columns, bestImage.Rows, best.Heatmap, best.Columns, best.Rows, context.Triage.Abnormal ? best.Peak : null);
        var result = new TriageResult
        {
            StudyInstanceUid = context.Study.StudyInstanceUid,
            Flag = context.Triage.Abnormal ? TriageFlag.Abnormal : TriageFlag.Normal,
            Slices = scored,
            NotScoredSlices = uncounted.Select(s => Image(s.SopInstanceUid)).ToList(),
            ConsideredImages = uncounted.SelectMany(Sources).ToList(),
            Notes = ScoringNotes.Of(context.Score, context.Series),
            ScanScore = context.Score.Score,
            Threshold = context.Score.Threshold,
            Region = region,
            Algorithm = new TriageAlgorithm(context.Score.ModelName, context.Score.ModelVersion, context.Score.ModelId, context.Score.ModelVersion),
            Device = new ObserverDevice(
                DicomUid.IsValid(context.Score.DeviceUid) ? context.Score.DeviceUid : DicomUid.FromName("isl-agent-device", context.Score.ModelId),
                "ISL triage agent", AgentIdentity.Manufacturer, "isl-agent"),
            CompletedAt = context.Triage.ScoredUtc,
            InputHash = context.Triage.InputHash,
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
            foreach (var file in ResultFiles.List(outputRoot, context.Study.StudyInstanceUid, revision))
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

using Isl.Dicom;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Pipeline;
using Isl.Reports;

namespace Isl.PacsAgent.Reporting;

/// <summary>
/// Writes a scored study's results with Isl.Reports: the TID 1500 Comprehensive 3D SR and one heatmap Secondary
/// Capture per scored slice, with UIDs derived from (study, model, input hash) so that a retry overwrites. A later
/// revision's SR names the previous revision's SR as its predecessor.
/// </summary>
public sealed class ReportResultWriter : IResultWriter
{
    private const string Comprehensive3DSr = "1.2.840.10008.5.1.4.1.1.88.34";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> WriteAsync(ResultContext context, CancellationToken cancellationToken)
    {
        var sources = context.Series.Slices.Select(s => DicomFile.Open(s.Path)).ToList();
        var scores = context.Score.Slices;
        var studySource = sources[0].Dataset;
        var scored = sources.Select((f, i) => new ScoredSlice(SourceImage.FromDataset(f.Dataset), scores[i].Score)).ToList();
        var best = Enumerable.Range(0, scores.Count).MaxBy(i => scores[i].Score);
        var bestImage = scored[best].Image;
        var region = scores[best].Heatmap is { } map
            ? ImageRegion.FromHeatmap(map, scores[best].Columns, scores[best].Rows, bestImage.Columns, bestImage.Rows)
            : null;
        var result = new TriageResult
        {
            StudyInstanceUid = context.Study.StudyInstanceUid,
            Flag = context.Triage.Abnormal ? TriageFlag.Abnormal : TriageFlag.Normal,
            Slices = scored,
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

        var files = new List<string>();
        var sr = new TriageSrBuilder().Build(result, studySource, FindPredecessor(context));
        files.Add(await SaveAsync(sr, context.OutputDirectory, "sr", cancellationToken).ConfigureAwait(false));
        var heatmaps = sources
            .Select((f, i) => scores[i].Heatmap is { } heat ? HeatmapSlice.FromDataset(f.Dataset, heat, scores[i].Columns, scores[i].Rows) : null)
            .Where(h => h is not null)
            .Select(h => h!)
            .ToList();
        if (heatmaps.Count > 0)
        {
            foreach (var sc in new HeatmapSecondaryCaptureBuilder().Build(result, heatmaps, studySource))
            {
                files.Add(await SaveAsync(sc, context.OutputDirectory, "sc", cancellationToken).ConfigureAwait(false));
            }
        }

        return files;
    }

    private static async Task<string> SaveAsync(DicomDataset dataset, string directory, string kind, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(directory, kind);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, dataset.GetString(DicomTags.SOPInstanceUID) + ".dcm");
        await new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, cancellationToken).ConfigureAwait(false);
        return path;
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

using Isl.Dicom;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Pipeline;
using Isl.Reports;

namespace Isl.PacsAgent.Reporting;

/// <summary>
/// Writes the "not analysed" TID 1500 SR of a study with Isl.Reports: a qualitative evaluation "AI triage status = Not
/// analysed" with the reason, referencing the study's images. Its UIDs derive from (study, selection version, the
/// referenced images), so that a retry overwrites and a study that later gets new images gets a new report.
/// </summary>
public sealed class NotAnalysedReportWriter : INotAnalysedResultWriter
{
    /// <summary>The algorithm named in a "not analysed" report: series selection decided, no model ran.</summary>
    public const string SelectionModelId = "series-selection";

    private static readonly string AgentVersion = typeof(NotAnalysedReportWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <inheritdoc />
    public async Task<IReadOnlyList<WrittenResult>> WriteAsync(NotAnalysedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var studyInstanceUid = context.Study.StudyInstanceUid;
        DicomDataset? studySource = null;
        var images = new List<SourceImage>();
        foreach (var instance in context.Instances)
        {
            if (ReadImageHeader(instance.Path, studyInstanceUid) is not { } header)
            {
                continue;
            }

            try
            {
                images.Add(SourceImage.FromDataset(header));
                studySource ??= header;
            }
            catch (TriageReportException)
            {
                // An image without usable identifiers cannot be referenced; the report cites the others.
            }
        }

        if (studySource is null)
        {
            return [];
        }

        var result = new TriageResult
        {
            StudyInstanceUid = studyInstanceUid,
            Flag = TriageFlag.NotAnalysed,
            NotAnalysedReason = context.Reason,
            ConsideredImages = images,
            Algorithm = new TriageAlgorithm("ISL head CT triage", AgentVersion, SelectionModelId, AgentVersion),
            Device = new ObserverDevice(DicomUid.FromName("isl-agent-device", "isl-agent"), "ISL triage agent", AgentIdentity.Manufacturer, "isl-agent"),
            CompletedAt = context.CompletedUtc,
        };
        var sr = new TriageSrBuilder().Build(result, studySource);
        return [await WrittenResult.SaveAsync(sr, context.OutputDirectory, "sr", cancellationToken).ConfigureAwait(false)];
    }

    private static DicomDataset? ReadImageHeader(string path, string studyInstanceUid)
    {
        try
        {
            var dataset = DicomFile.Open(path, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset;
            var isImage = dataset.Contains(DicomTags.Rows) && dataset.Contains(DicomTags.Columns)
                && dataset.GetStringOrDefault(DicomTags.StudyInstanceUID, "") == studyInstanceUid;
            return isImage ? dataset : null;
        }
        catch (Exception ex) when (ex is DicomException or IOException)
        {
            return null;
        }
    }
}

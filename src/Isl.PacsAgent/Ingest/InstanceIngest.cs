using Isl.Dicom;
using Isl.Dicom.Network.Storage;
using Isl.PacsAgent.StudyAssembly;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Logging;

namespace Isl.PacsAgent.Ingest;

/// <summary>
/// The one entry point for instances that reached the spool (from the C-STORE SCP or the Orthanc source): ignores the
/// agent's own outputs, catalogues the rest and lets the assembler schedule the study.
/// </summary>
public sealed class InstanceIngest(StudyAssembler assembler, StudyStore studies, TimeProvider time, ILogger<InstanceIngest> logger)
{
    /// <summary>Accepts a spooled instance whose data set (at least up to the pixel data) has been read.</summary>
    public Task<IngestOutcome> AcceptAsync(string path, DicomDataset dataset, CancellationToken cancellationToken) =>
        AcceptAsync(path, dataset, null, cancellationToken);

    /// <summary>Accepts a spooled instance from a source with its own stable age (null: <c>Assembly:StableAgeSeconds</c>).</summary>
    public async Task<IngestOutcome> AcceptAsync(string path, DicomDataset dataset, TimeSpan? stableAge, CancellationToken cancellationToken)
    {
        var header = DicomInstanceHeaderReader.FromDataset(dataset, Path.GetFullPath(path));
        if (header.IsOwnOutput || studies.IsOwnSeries(header.SeriesInstanceUid))
        {
            AgentLog.OwnOutputIgnored(logger, header.SopInstanceUid);
            return IngestOutcome.OwnOutput;
        }

        var arrival = new InstanceArrival(
            dataset.GetString(DicomTags.StudyInstanceUID), header, time.GetUtcNow(),
            new StudyDemographics(
                Text(dataset, DicomTags.PatientID), Text(dataset, DicomTags.PatientName), Text(dataset, DicomTags.AccessionNumber),
                header.StudyDescription, Text(dataset, DicomTags.StudyDate)));
        return await assembler.InstanceArrivedAsync(arrival, stableAge, cancellationToken).ConfigureAwait(false)
            ? IngestOutcome.Accepted
            : IngestOutcome.Duplicate;
    }

    /// <summary>
    /// Catalogues the stored files of the spool at <paramref name="spoolRoot"/> that the catalogue lacks (its last commits
    /// before a power cut), each with the stable age of the AE that sent it (Source Application Entity Title); returns how many.
    /// </summary>
    public async Task<int> CatalogueSpoolAsync(string spoolRoot, Func<string, TimeSpan> stableAgeOf, CancellationToken cancellationToken)
    {
        var catalogued = studies.ListInstancePaths();
        var added = 0;
        foreach (var path in SpoolLayout.StoredFiles(spoolRoot).Select(Path.GetFullPath).Where(p => !catalogued.Contains(p)))
        {
            DicomFile file;
            try
            {
                file = DicomFile.Open(path, new DicomReadOptions { StopAtTag = DicomTags.PixelData });
            }
            catch (Exception ex) when (ex is DicomException or IOException)
            {
                AgentLog.SpoolFileUnreadable(logger, path, ex.Message);
                continue;
            }

            var stableAge = stableAgeOf(file.FileMetaInformation.GetStringOrDefault(DicomTags.SourceApplicationEntityTitle, "")!.Trim());
            if (await AcceptAsync(path, file.Dataset, stableAge, cancellationToken).ConfigureAwait(false) == IngestOutcome.Accepted)
            {
                added++;
            }
        }

        if (added > 0)
        {
            AgentLog.SpoolCatalogued(logger, added, spoolRoot);
        }

        return added;
    }

    /// <summary>Accepts a spooled Part 10 file.</summary>
    public Task<IngestOutcome> AcceptFileAsync(string path, CancellationToken cancellationToken) =>
        AcceptAsync(path, DicomFile.Open(path, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset, cancellationToken);

    private static string Text(DicomDataset d, DicomTag tag) => d.GetStringOrDefault(tag, "")!.Trim();
}

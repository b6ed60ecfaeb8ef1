using System.Globalization;
using Isl.Dicom;
using Isl.Dicom.Network.Storage;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.DicomWeb;
using Isl.PacsAgent.Hosting.Health;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Orthanc;

/// <summary>
/// Polls Orthanc's <c>/changes</c> for <c>StableStudy</c>, fetches such a study by WADO-RS in Explicit VR Little Endian
/// into the spool and ingests its new instances. The cursor is persisted, so a restart continues where it stopped;
/// a first start begins at the current end of the log. The agent's own outputs are skipped, so they never re-trigger scoring.
/// </summary>
internal sealed class OrthancChangeFeedService(
    IOrthancApi orthanc,
    DicomWebClient dicomWeb,
    InstanceIngest ingest,
    StudyStore studies,
    AgentDatabase database,
    IOptions<OrthancSourceOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<OrthancChangeFeedService> logger) : BackgroundService, IServiceHealthSource
{
    private const string CursorName = "orthanc.changes";

    private DicomSpool? spool;
    private volatile string? lastPollError;
    private volatile bool polled;

    /// <inheritdoc />
    public ServiceHealth Health => ExecuteTask switch
    {
        null => new ServiceHealth(nameof(OrthancChangeFeedService), ServiceHealth.Starting),
        { IsFaulted: true } => new ServiceHealth(nameof(OrthancChangeFeedService), ServiceHealth.Failed, ExecuteTask.Exception?.GetBaseException().Message),
        { IsCompleted: true } => new ServiceHealth(nameof(OrthancChangeFeedService), ServiceHealth.Stopped),
        _ when lastPollError is { } error => new ServiceHealth(nameof(OrthancChangeFeedService), ServiceHealth.Failed, $"polling {options.Value.BaseUrl} fails: {error}"),
        _ => new ServiceHealth(nameof(OrthancChangeFeedService), polled ? ServiceHealth.Running : ServiceHealth.Starting),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken).ConfigureAwait(false);
                lastPollError = null;
                polled = true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or Refit.ApiException or Refit.ApiRequestException or DicomWebException or DicomException or IOException)
            {
                lastPollError = ex.Message;
                AgentLog.OrthancPollFailed(logger, interval.TotalSeconds, ex.Message);
            }

            try
            {
                await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads the change log once to its end.</summary>
    internal async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var cursor = database.GetCursor(CursorName);
        long since;
        if (cursor is null)
        {
            since = (await orthanc.GetLastChangeAsync(cancellationToken).ConfigureAwait(false)).Last;
            database.SetCursor(CursorName, since.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            since = long.Parse(cursor, CultureInfo.InvariantCulture);
        }

        while (true)
        {
            var page = await orthanc.GetChangesAsync(since, options.Value.BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var change in page.Changes)
            {
                if (change.ChangeType == "StableStudy")
                {
                    await FetchStudyAsync(change.ID, cancellationToken).ConfigureAwait(false);
                }

                since = change.Seq;
                database.SetCursor(CursorName, since.ToString(CultureInfo.InvariantCulture));
            }

            if (page.Done || page.Changes.Count == 0)
            {
                if (page.Last > since)
                {
                    since = page.Last;
                    database.SetCursor(CursorName, since.ToString(CultureInfo.InvariantCulture));
                }

                return;
            }
        }
    }

    private async Task FetchStudyAsync(string orthancId, CancellationToken cancellationToken)
    {
        var study = await orthanc.GetStudyAsync(orthancId, cancellationToken).ConfigureAwait(false);
        if (!study.MainDicomTags.TryGetValue("StudyInstanceUID", out var studyUid))
        {
            return;
        }

        var wanted = false;
        foreach (var seriesId in study.Series)
        {
            var series = await orthanc.GetSeriesAsync(seriesId, cancellationToken).ConfigureAwait(false);
            var modality = series.MainDicomTags.GetValueOrDefault("Modality", "");
            var seriesUid = series.MainDicomTags.GetValueOrDefault("SeriesInstanceUID", "");
            if (options.Value.EffectiveModalities.Contains(modality, StringComparer.OrdinalIgnoreCase) && !studies.IsOwnSeries(seriesUid))
            {
                wanted = true;
            }
        }

        if (!wanted)
        {
            return;
        }

        AgentLog.OrthancStudyStable(logger, orthancId, studyUid);
        int count = 0, added = 0;
        await foreach (var bytes in dicomWeb.RetrieveStudyAsync(studyUid, cancellationToken).ConfigureAwait(false))
        {
            count++;
            using var header = new MemoryStream(bytes, writable: false);
            var dataset = DicomFile.Read(header, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset;
            var sop = dataset.GetString(DicomTags.SOPInstanceUID);
            if (OwnOutputRecognizer.IsOwnOutput(dataset) || studies.ContainsInstance(sop))
            {
                continue;
            }

            spool ??= new DicomSpool(storage.Value.OrthancSpoolPath);
            var path = spool.StoreFile(bytes, dataset.GetString(DicomTags.StudyInstanceUID), dataset.GetString(DicomTags.SeriesInstanceUID), sop);
            if (await ingest.AcceptAsync(path, dataset, options.Value.StableAge, cancellationToken).ConfigureAwait(false) == IngestOutcome.Accepted)
            {
                added++;
            }
        }

        AgentLog.OrthancStudyFetched(logger, count, studyUid, added);
    }
}

using System.Diagnostics;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Metrics;
using Isl.PacsAgent.Selection;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// Scores one stable study: select a series from the catalogued headers, read it once, score it, write the results from
/// what was read and queue their delivery.
/// </summary>
public sealed class StudyPipeline(
    StudyStore studies,
    DeliveryStore deliveries,
    IStudyScorer scorer,
    IResultWriter writer,
    INotAnalysedResultWriter notAnalysedWriter,
    AgentMetrics metrics,
    TimeProvider time,
    IOptions<SeriesSelectionOptions> selectionOptions,
    IOptions<StorageOptions> storageOptions,
    IOptions<DeliveryOptions> deliveryOptions,
    ILogger<StudyPipeline> logger)
{
    /// <summary>
    /// Processes the revision the assembly job began scoring; every outcome (scored, not analysed, failed) is recorded
    /// in the results store. A study that is no longer in Scoring (queued twice, e.g. by the job and the restart) is left alone.
    /// </summary>
    public async Task ProcessAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        if (studies.Find(studyInstanceUid) is not { State: StudyState.Scoring } study)
        {
            return;
        }

        var revision = study.Revision;
        try
        {
            await ScoreAsync(studyInstanceUid, revision, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            AgentLog.ScoringFailed(logger, ex, studyInstanceUid);
            if (studies.MarkFailed(studyInstanceUid, revision, ex.Message))
            {
                metrics.StudyFailed();
            }
        }
    }

    private async Task ScoreAsync(string studyInstanceUid, int revision, CancellationToken cancellationToken)
    {
        var instances = studies.ListInstances(studyInstanceUid);
        // Headers come from the catalogue; only a row an older agent wrote without one is read from its file.
        var selection = new SeriesSelector(selectionOptions.Value).Select(studyInstanceUid, instances.Select(i => i.Header ?? DicomInstanceHeaderReader.Read(i.Path)));
        studies.RecordSeriesDecisions(studyInstanceUid, revision, selection.Decisions);
        foreach (var decision in selection.Decisions)
        {
            if (decision.Selected)
            {
                AgentLog.SeriesSelected(logger, studyInstanceUid, decision.SeriesInstanceUid, decision.Reason);
            }
            else
            {
                AgentLog.SeriesSkipped(logger, studyInstanceUid, decision.SeriesInstanceUid, decision.Reason);
            }
        }

        if (selection.Selected is not { } selected)
        {
            await RecordNotAnalysedAsync(studyInstanceUid, revision, instances, selection.NotAnalysedReason!, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Read outside the model's turn: with Scoring:Workers > 1 one study loads while another is inferred.
        var watch = Stopwatch.StartNew();
        var series = await Task.Run(() => LoadedSeries.Load(selected, cancellationToken), cancellationToken).ConfigureAwait(false);
        SeriesScore score;
        try
        {
            score = await scorer.ScoreAsync(series, cancellationToken).ConfigureAwait(false);
        }
        catch (SeriesNotScorableException ex)
        {
            await RecordNotAnalysedAsync(studyInstanceUid, revision, instances, ex.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        watch.Stop();
        foreach (var skipped in score.Skipped)
        {
            AgentLog.InstanceSkipped(logger, studyInstanceUid, skipped.SopInstanceUid, skipped.Reason);
        }

        // The notes are worked out once: the SR lists them and the study record keeps the same list.
        var notes = ScoringNotes.Of(score, selected);
        var inputHash = InputHash.Compute(selected);
        var scoredUtc = time.GetUtcNow();
        var context = new ResultContext(studyInstanceUid, revision, series, score, inputHash, scoredUtc, notes, PrepareOutputDirectory(studyInstanceUid, revision));
        var files = await writer.WriteAsync(context, cancellationToken).ConfigureAwait(false);
        RecordOwnSeries(studyInstanceUid, files);

        var triage = StudyTriage.Of(series.SeriesInstanceUid, score, inputHash, scoredUtc, watch.Elapsed.TotalSeconds, notes);
        if (!studies.CompleteScoring(studyInstanceUid, revision, triage))
        {
            AgentLog.StaleResult(logger, studyInstanceUid, revision);
            return;
        }

        metrics.StudyScored(triage.Abnormal, watch.Elapsed);
        AgentLog.Scored(logger, studyInstanceUid, triage.Score, triage.Threshold, triage.Flag, watch.Elapsed.TotalSeconds);
        var destinations = deliveryOptions.Value.Destinations.Select(d => d.Name).ToList();
        deliveries.Enqueue(studyInstanceUid, revision, destinations);
        if (destinations.Count == 0)
        {
            studies.MarkDone(studyInstanceUid, revision);
        }
    }

    /// <summary>
    /// Records the reason and, when the study holds images to reference, writes a "not analysed" SR and queues it for
    /// every destination: the radiologist then sees in the study itself that the AI did not triage it, and why.
    /// The study stays <see cref="StudyState.NotAnalysed"/>; its deliveries are tracked like any other.
    /// </summary>
    private async Task RecordNotAnalysedAsync(string studyInstanceUid, int revision, IReadOnlyList<StoredInstance> instances, string reason, CancellationToken cancellationToken)
    {
        AgentLog.NotAnalysed(logger, studyInstanceUid, reason);
        var study = studies.Find(studyInstanceUid)!;
        var context = new NotAnalysedContext(study, revision, instances, reason, time.GetUtcNow(), PrepareOutputDirectory(studyInstanceUid, revision));
        IReadOnlyList<WrittenResult> files;
        try
        {
            files = await notAnalysedWriter.WriteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Isl.Reports.TriageReportException ex)
        {
            AgentLog.NotAnalysedReportUnavailable(logger, studyInstanceUid, ex.Message);
            files = [];
        }

        RecordOwnSeries(studyInstanceUid, files);
        if (!studies.MarkNotAnalysed(studyInstanceUid, revision, reason))
        {
            AgentLog.StaleResult(logger, studyInstanceUid, revision);
            return;
        }

        metrics.StudyNotAnalysed();
        if (files.Count > 0)
        {
            deliveries.Enqueue(studyInstanceUid, revision, deliveryOptions.Value.Destinations.Select(d => d.Name));
        }
    }

    private string PrepareOutputDirectory(string studyInstanceUid, int revision)
    {
        var directory = ResultFiles.DirectoryFor(storageOptions.Value.OutputPath, studyInstanceUid, revision);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    private void RecordOwnSeries(string studyInstanceUid, IEnumerable<WrittenResult> files)
    {
        foreach (var file in files)
        {
            studies.RecordOwnSeries(studyInstanceUid, file.SeriesInstanceUid, file.SopClassUid);
        }
    }
}

using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Metrics;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Hosting;

/// <summary>Delivers due results, retrying with backoff and dead-lettering at the limit; closes a study revision when all its deliveries finish.</summary>
internal sealed class DeliveryWorkerService(
    DeliveryStore deliveries,
    StudyStore studies,
    IEnumerable<IResultDestination> destinations,
    AgentMetrics metrics,
    IOptions<DeliveryOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<DeliveryWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byName = destinations.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var schedule = RetrySchedule.From(options.Value);
        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var delivery in deliveries.ListDue())
            {
                await DeliverAsync(delivery, byName, schedule, stoppingToken).ConfigureAwait(false);
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

    private async Task DeliverAsync(DeliveryRecord delivery, Dictionary<string, IResultDestination> byName, RetrySchedule schedule, CancellationToken stoppingToken)
    {
        var study = studies.Find(delivery.StudyInstanceUid);
        var notAnalysed = study?.State == StudyState.NotAnalysed;
        if (study is null || study.Revision != delivery.Revision || (study.Triage is null && !notAnalysed))
        {
            deliveries.MarkSuperseded(delivery.Id);
            return;
        }

        if (!byName.TryGetValue(delivery.Destination, out var destination))
        {
            AgentLog.UnknownDestination(logger, delivery.Destination, delivery.Id);
            deliveries.RecordFailure(delivery.Id, $"destination '{delivery.Destination}' is not configured", schedule with { MaxAttempts = 1 });
            metrics.DeliveryDeadLettered();
            Close(delivery);
            return;
        }

        try
        {
            var files = ResultFiles.List(storage.Value.OutputPath, delivery.StudyInstanceUid, delivery.Revision);
            await destination.DeliverAsync(new DeliveryPackage(study, delivery.Revision, notAnalysed ? null : study.Triage, files), stoppingToken).ConfigureAwait(false);
            deliveries.MarkDelivered(delivery.Id);
            metrics.DeliveryAttempted(succeeded: true);
            AgentLog.Delivered(logger, delivery.StudyInstanceUid, delivery.Revision, delivery.Destination);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            metrics.DeliveryAttempted(succeeded: false);
            var outcome = deliveries.RecordFailure(delivery.Id, ex.Message, schedule);
            if (outcome.DeadLettered)
            {
                metrics.DeliveryDeadLettered();
                AgentLog.DeadLettered(logger, delivery.StudyInstanceUid, delivery.Destination, delivery.Attempts + 1, ex.Message);
            }
            else
            {
                AgentLog.DeliveryRetry(logger, delivery.StudyInstanceUid, delivery.Destination, delivery.Attempts + 1, outcome.NextAttemptUtc, ex.Message);
            }
        }

        Close(delivery);
    }

    private void Close(DeliveryRecord delivery)
    {
        var (finished, anyDead) = deliveries.Summarise(delivery.StudyInstanceUid, delivery.Revision);
        if (!finished || studies.Find(delivery.StudyInstanceUid)?.State == StudyState.NotAnalysed)
        {
            // A "not analysed" study keeps its state and reason; its deliveries and dead letters are in the delivery store.
            return;
        }

        if (anyDead)
        {
            var dead = deliveries.ListForStudy(delivery.StudyInstanceUid).Where(d => d.Revision == delivery.Revision && d.State == DeliveryState.DeadLettered);
            studies.MarkFailed(delivery.StudyInstanceUid, delivery.Revision, "delivery dead-lettered: " + string.Join(", ", dead.Select(d => $"{d.Destination} ({d.LastError})")));
        }
        else
        {
            studies.MarkDone(delivery.StudyInstanceUid, delivery.Revision);
        }
    }
}

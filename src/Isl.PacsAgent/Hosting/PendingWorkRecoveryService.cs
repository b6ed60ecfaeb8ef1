using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Hosting.Health;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Hosting;

/// <summary>
/// At start-up, resumes what the previous run left beyond Quartz (whose persistent triggers alone resume assembly):
/// studies in Scoring go back on the in-memory scoring queue. Pending deliveries are rows the delivery worker reads; a
/// study whose results were recorded but whose deliveries were not queued yet (killed in between) gets them queued now.
/// </summary>
internal sealed class PendingWorkRecoveryService(
    StudyStore studies,
    ScoringQueue queue,
    DeliveryStore deliveries,
    IOptions<DeliveryOptions> deliveryOptions,
    IOptions<StorageOptions> storageOptions,
    ILogger<PendingWorkRecoveryService> logger) : BackgroundService, IServiceHealthSource
{
    /// <inheritdoc />
    public ServiceHealth Health => ExecuteTask switch
    {
        null or { IsCompleted: false } => new ServiceHealth(nameof(PendingWorkRecoveryService), ServiceHealth.Starting, "resuming pending work"),
        { IsFaulted: true } => new ServiceHealth(nameof(PendingWorkRecoveryService), ServiceHealth.Failed, ExecuteTask.Exception?.GetBaseException().Message),
        _ => new ServiceHealth(nameof(PendingWorkRecoveryService), ServiceHealth.Finished, "pending work resumed"),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        QueueMissingDeliveries();
        var scoring = studies.ListInStates(StudyState.Scoring);
        if (scoring.Count > 0)
        {
            AgentLog.Resuming(logger, scoring.Count, nameof(StudyState.Scoring));
            foreach (var study in scoring)
            {
                await queue.EnqueueAsync(study.StudyInstanceUid, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void QueueMissingDeliveries()
    {
        var destinations = deliveryOptions.Value.Destinations.Select(d => d.Name).ToList();
        var recorded = studies.ListInStates(StudyState.Delivering, StudyState.NotAnalysed)
            .Where(s => deliveries.ListForStudy(s.StudyInstanceUid).All(d => d.Revision != s.Revision))
            .Where(s => ResultFiles.List(storageOptions.Value.OutputPath, s.StudyInstanceUid, s.Revision).Count > 0)
            .ToList();
        if (recorded.Count == 0)
        {
            return;
        }

        AgentLog.Resuming(logger, recorded.Count, "results recorded, deliveries not queued");
        foreach (var study in recorded)
        {
            deliveries.Enqueue(study.StudyInstanceUid, study.Revision, destinations);
            if (destinations.Count == 0 && study.State == StudyState.Delivering)
            {
                studies.MarkDone(study.StudyInstanceUid, study.Revision);
            }
        }
    }
}

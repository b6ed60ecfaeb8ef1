using Isl.PacsAgent.Assembly;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Hosting;

/// <summary>
/// At start-up, resumes what the previous run left: studies in Scoring go back on the queue; studies Received or
/// Assembling without a persistent trigger get one (Quartz itself resumes the triggers it has). Pending deliveries
/// need nothing: they are rows the delivery worker reads.
/// </summary>
internal sealed class PendingWorkRecoveryService(
    StudyStore studies,
    StudyAssembler assembler,
    ScoringQueue queue,
    IOptions<AssemblyOptions> options,
    ILogger<PendingWorkRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = studies.ListInStates(StudyState.Received, StudyState.Assembling);
        var unscheduled = new List<StudyRecord>();
        foreach (var study in waiting)
        {
            if (!await assembler.IsScheduledAsync(study.StudyInstanceUid, stoppingToken).ConfigureAwait(false))
            {
                unscheduled.Add(study);
            }
        }

        if (unscheduled.Count > 0)
        {
            AgentLog.Resuming(logger, unscheduled.Count, "Received/Assembling (no trigger)");
            foreach (var study in unscheduled)
            {
                await assembler.ScheduleAsync(study.StudyInstanceUid, study.LastInstanceUtc + options.Value.StableAge, stoppingToken).ConfigureAwait(false);
            }
        }

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
}

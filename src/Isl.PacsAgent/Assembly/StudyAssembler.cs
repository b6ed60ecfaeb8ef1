using System.Collections.Concurrent;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Metrics;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Isl.PacsAgent.Assembly;

/// <summary>
/// Records arriving instances and keeps one persistent Quartz trigger per study that fires when the study
/// has been quiet for the stable age. The job re-checks the age itself, so arrivals need not move the trigger.
/// </summary>
public sealed class StudyAssembler(
    ISchedulerFactory schedulers,
    StudyStore studies,
    AgentMetrics metrics,
    TimeProvider time,
    IOptions<AssemblyOptions> options,
    ILogger<StudyAssembler> logger)
{
    /// <summary>The Quartz group of assembly jobs and triggers.</summary>
    public const string Group = "assembly";

    private readonly ConcurrentDictionary<string, byte> scheduled = new(StringComparer.Ordinal);

    /// <summary>Records the instance and makes sure its study will be assembled; false for a duplicate.</summary>
    public async Task<bool> InstanceArrivedAsync(InstanceArrival arrival, CancellationToken cancellationToken)
    {
        var known = studies.Find(arrival.StudyInstanceUid) is not null;
        if (!studies.RecordInstance(arrival))
        {
            AgentLog.DuplicateInstance(logger, arrival.SopInstanceUid);
            return false;
        }

        metrics.InstanceReceived(newStudy: !known);
        AgentLog.InstanceReceived(logger, arrival.SopInstanceUid, arrival.StudyInstanceUid);
        var state = studies.Find(arrival.StudyInstanceUid)!.State;
        if (state != StudyState.Assembling || !scheduled.ContainsKey(arrival.StudyInstanceUid))
        {
            await ScheduleAsync(arrival.StudyInstanceUid, time.GetUtcNow() + options.Value.StableAge, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Schedules (or moves) the study's assembly trigger to <paramref name="dueUtc"/> and marks it Assembling.</summary>
    public async Task ScheduleAsync(string studyInstanceUid, DateTimeOffset dueUtc, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<StudyAssemblyJob>()
            .WithIdentity(studyInstanceUid, Group)
            .UsingJobData(StudyAssemblyJob.StudyKey, studyInstanceUid)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(studyInstanceUid, Group)
            .ForJob(job)
            .StartAt(dueUtc)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        scheduled[studyInstanceUid] = 0;
        studies.MarkAssembling(studyInstanceUid);
        AgentLog.AssemblyScheduled(logger, studyInstanceUid, dueUtc);
    }

    /// <summary>Forgets the in-memory note that a trigger exists (the job has fired).</summary>
    internal void Fired(string studyInstanceUid) => scheduled.TryRemove(studyInstanceUid, out _);

    /// <summary>Whether a persistent assembly trigger exists for the study.</summary>
    public async Task<bool> IsScheduledAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        return await scheduler.Exists(new TriggerKey(studyInstanceUid, Group), cancellationToken).ConfigureAwait(false);
    }
}

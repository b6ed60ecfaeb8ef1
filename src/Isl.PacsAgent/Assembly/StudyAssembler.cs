using System.Collections.Concurrent;
using System.Globalization;
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
/// has been quiet for the stable age (of the source of its latest instance). The job re-checks the age itself, so
/// arrivals need not move the trigger unless their source's stable age differs.
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

    private readonly ConcurrentDictionary<string, TimeSpan> scheduled = new(StringComparer.Ordinal);

    /// <summary>Records the instance and makes sure its study will be assembled; false for a duplicate.</summary>
    public Task<bool> InstanceArrivedAsync(InstanceArrival arrival, CancellationToken cancellationToken) =>
        InstanceArrivedAsync(arrival, null, cancellationToken);

    /// <summary>Records the instance and makes sure its study will be assembled <paramref name="stableAge"/> (null: the configured one) after its latest instance.</summary>
    public async Task<bool> InstanceArrivedAsync(InstanceArrival arrival, TimeSpan? stableAge, CancellationToken cancellationToken)
    {
        var age = stableAge ?? options.Value.StableAge;
        if (await studies.RecordInstanceAsync(arrival).ConfigureAwait(false) is not { } recorded)
        {
            AgentLog.DuplicateInstance(logger, arrival.SopInstanceUid);
            return false;
        }

        metrics.InstanceReceived(recorded.NewStudy);
        AgentLog.InstanceReceived(logger, arrival.SopInstanceUid, arrival.StudyInstanceUid);
        if (recorded.State != StudyState.Assembling || !scheduled.TryGetValue(arrival.StudyInstanceUid, out var scheduledAge) || scheduledAge != age)
        {
            await ScheduleAsync(arrival.StudyInstanceUid, time.GetUtcNow() + age, age, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Schedules (or moves) the study's assembly trigger to <paramref name="dueUtc"/> with the configured stable age and marks it Assembling.</summary>
    public Task ScheduleAsync(string studyInstanceUid, DateTimeOffset dueUtc, CancellationToken cancellationToken) =>
        ScheduleAsync(studyInstanceUid, dueUtc, options.Value.StableAge, cancellationToken);

    /// <summary>Schedules (or moves) the study's assembly trigger to <paramref name="dueUtc"/>; the job waits <paramref name="stableAge"/> after the latest instance.</summary>
    public async Task ScheduleAsync(string studyInstanceUid, DateTimeOffset dueUtc, TimeSpan stableAge, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<StudyAssemblyJob>()
            .WithIdentity(studyInstanceUid, Group)
            .UsingJobData(StudyAssemblyJob.StudyKey, studyInstanceUid)
            .UsingJobData(StudyAssemblyJob.StableAgeKey, stableAge.TotalSeconds.ToString("R", CultureInfo.InvariantCulture))
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(studyInstanceUid, Group)
            .ForJob(job)
            .StartAt(dueUtc)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        scheduled[studyInstanceUid] = stableAge;
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

using System.Globalization;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Metrics;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Isl.PacsAgent.StudyAssembly;

/// <summary>
/// Records arriving instances in the catalogue and keeps one persistent Quartz trigger per study, the one stable-age
/// timer: it fires when the study has been quiet for the stable age (of the source of its latest instance), and its
/// persistent store is what resumes assembly after a restart. The trigger is armed when a study enters assembly
/// (its first instance, or a late one after it left assembly) and moved only when an instance's source has another
/// stable age than the study's previous latest instance (both read from the catalogue); otherwise the job re-checks
/// the age itself when it fires and postpones itself.
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

    /// <summary>Records the instance and makes sure its study will be assembled; false for a duplicate.</summary>
    public Task<bool> InstanceArrivedAsync(InstanceArrival arrival, CancellationToken cancellationToken) =>
        InstanceArrivedAsync(arrival, null, cancellationToken);

    /// <summary>Records the instance and makes sure its study will be assembled <paramref name="stableAge"/> (null: the configured one) after its latest instance.</summary>
    public async Task<bool> InstanceArrivedAsync(InstanceArrival arrival, TimeSpan? stableAge, CancellationToken cancellationToken)
    {
        var age = stableAge ?? options.Value.StableAge;
        if (await studies.RecordInstanceAsync(arrival with { StableAge = age }).ConfigureAwait(false) is not { } recorded)
        {
            AgentLog.DuplicateInstance(logger, arrival.SopInstanceUid);

            // A retry of an instance catalogued just before a crash that came before its study's trigger.
            if (studies.Find(arrival.StudyInstanceUid) is { State: StudyState.Received })
            {
                await ScheduleAsync(arrival.StudyInstanceUid, time.GetUtcNow() + age, age, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        metrics.InstanceReceived(recorded.NewStudy);
        AgentLog.InstanceReceived(logger, arrival.SopInstanceUid, arrival.StudyInstanceUid);
        if (recorded.State != StudyState.Assembling || recorded.PreviousStableAge != age)
        {
            await ScheduleAsync(arrival.StudyInstanceUid, time.GetUtcNow() + age, age, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

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
        studies.MarkAssembling(studyInstanceUid);
        AgentLog.AssemblyScheduled(logger, studyInstanceUid, dueUtc);
    }
}

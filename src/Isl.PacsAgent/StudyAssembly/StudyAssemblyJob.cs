using System.Globalization;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Isl.PacsAgent.StudyAssembly;

/// <summary>
/// Fires when a study may be stable: postpones itself if an instance arrived since, else moves the study to Scoring
/// (the one place that begins scoring a revision) and hands it to the scoring queue.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StudyAssemblyJob(
    StudyAssembler assembler,
    StudyStore studies,
    ScoringQueue queue,
    TimeProvider time,
    IOptions<AssemblyOptions> options,
    ILogger<StudyAssemblyJob> logger) : IJob
{
    /// <summary>The job data key holding the StudyInstanceUID.</summary>
    public const string StudyKey = "study";

    /// <summary>The job data key holding the study's stable age in seconds (absent in jobs of an older agent).</summary>
    public const string StableAgeKey = "stableAgeSeconds";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var studyInstanceUid = context.MergedJobDataMap.GetString(StudyKey) ?? context.JobDetail.Key.Name;
        var study = studies.Find(studyInstanceUid);
        if (study is null || study.State is not (StudyState.Received or StudyState.Assembling))
        {
            return;
        }

        var stableAge = double.TryParse(context.MergedJobDataMap.GetString(StableAgeKey), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : options.Value.StableAge;
        var due = study.LastInstanceUtc + stableAge;
        if (due > time.GetUtcNow() + TimeSpan.FromMilliseconds(100))
        {
            AgentLog.AssemblyPostponed(logger, studyInstanceUid, due);
            await assembler.ScheduleAsync(studyInstanceUid, due, stableAge, cancellationToken).ConfigureAwait(false);
            return;
        }

        var revision = studies.BeginScoring(studyInstanceUid);
        AgentLog.StudyStable(logger, studyInstanceUid, study.InstanceCount, revision);
        await queue.EnqueueAsync(studyInstanceUid, cancellationToken).ConfigureAwait(false);
    }
}

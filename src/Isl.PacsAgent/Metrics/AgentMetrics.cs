using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Isl.PacsAgent.Metrics;

/// <summary>The agent's counters, written in the Prometheus text exposition format by <see cref="WritePrometheus"/>.</summary>
public sealed class AgentMetrics
{
    private static readonly double[] ScoringBuckets = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];
    private readonly long[] scoringBucketCounts = new long[ScoringBuckets.Length];
    private readonly Lock scoringLock = new();
    private readonly ConcurrentDictionary<ushort, long> rejectedByStatus = new();
    private long instancesReceived;
    private long studiesReceived;
    private long studiesScored;
    private long studiesFlagged;
    private long studiesNotAnalysed;
    private long studiesFailed;
    private long deliveriesSucceeded;
    private long deliveriesFailed;
    private long deadLetters;
    private long scoringCount;
    private double scoringSum;
    private Func<int> queueDepth = () => 0;

    /// <summary>Instances received.</summary>
    public long InstancesReceived => Interlocked.Read(ref instancesReceived);

    /// <summary>Distinct studies received.</summary>
    public long StudiesReceived => Interlocked.Read(ref studiesReceived);

    /// <summary>Studies scored.</summary>
    public long StudiesScored => Interlocked.Read(ref studiesScored);

    /// <summary>Studies scored abnormal.</summary>
    public long StudiesFlagged => Interlocked.Read(ref studiesFlagged);

    /// <summary>Sets where the scoring queue depth is read from.</summary>
    public void ObserveQueueDepth(Func<int> depth) => queueDepth = depth;

    /// <summary>Counts one instance, and one study when it is the study's first.</summary>
    public void InstanceReceived(bool newStudy)
    {
        Interlocked.Increment(ref instancesReceived);
        if (newStudy)
        {
            Interlocked.Increment(ref studiesReceived);
        }
    }

    /// <summary>C-STORE requests answered with a failure status (nothing kept), by status.</summary>
    public IReadOnlyDictionary<ushort, long> InstancesRejected => rejectedByStatus.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Counts one C-STORE answered with the failure <paramref name="status"/>.</summary>
    public void InstanceRejected(ushort status) => rejectedByStatus.AddOrUpdate(status, 1, (_, count) => count + 1);

    /// <summary>Counts a scored study and its scoring time.</summary>
    public void StudyScored(bool abnormal, TimeSpan duration)
    {
        Interlocked.Increment(ref studiesScored);
        if (abnormal)
        {
            Interlocked.Increment(ref studiesFlagged);
        }

        lock (scoringLock)
        {
            scoringCount++;
            scoringSum += duration.TotalSeconds;
            for (var i = 0; i < ScoringBuckets.Length; i++)
            {
                if (duration.TotalSeconds <= ScoringBuckets[i])
                {
                    scoringBucketCounts[i]++;
                }
            }
        }
    }

    /// <summary>Counts a study with no eligible series.</summary>
    public void StudyNotAnalysed() => Interlocked.Increment(ref studiesNotAnalysed);

    /// <summary>Counts a study whose scoring failed.</summary>
    public void StudyFailed() => Interlocked.Increment(ref studiesFailed);

    /// <summary>Counts a delivery attempt.</summary>
    public void DeliveryAttempted(bool succeeded) =>
        Interlocked.Increment(ref succeeded ? ref deliveriesSucceeded : ref deliveriesFailed);

    /// <summary>Counts a dead-lettered delivery.</summary>
    public void DeliveryDeadLettered() => Interlocked.Increment(ref deadLetters);

    /// <summary>Writes every metric in the Prometheus text format (version 0.0.4).</summary>
    public void WritePrometheus(TextWriter writer)
    {
        var text = new StringBuilder();
        Counter(text, "isl_instances_received_total", "DICOM instances received.", InstancesReceived);
        text.Append("# HELP isl_instances_rejected_total C-STORE requests refused (unreadable, not matching the command, out of resources), by DIMSE status.\n# TYPE isl_instances_rejected_total counter\n");
        foreach (var (status, count) in rejectedByStatus.OrderBy(p => p.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"isl_instances_rejected_total{{status=\"0x{status:X4}\"}} {count}\n");
        }

        Counter(text, "isl_studies_received_total", "Distinct studies received.", StudiesReceived);
        Counter(text, "isl_studies_scored_total", "Studies scored by the model.", StudiesScored);
        Counter(text, "isl_studies_flagged_total", "Studies scored abnormal.", StudiesFlagged);
        Counter(text, "isl_studies_not_analysed_total", "Studies without an eligible series.", Interlocked.Read(ref studiesNotAnalysed));
        Counter(text, "isl_studies_failed_total", "Studies whose scoring failed.", Interlocked.Read(ref studiesFailed));
        Counter(text, "isl_deliveries_succeeded_total", "Delivery attempts that succeeded.", Interlocked.Read(ref deliveriesSucceeded));
        Counter(text, "isl_deliveries_failed_total", "Delivery attempts that failed (and were retried or dead-lettered).", Interlocked.Read(ref deliveriesFailed));
        Counter(text, "isl_deliveries_dead_lettered_total", "Deliveries given up after the maximum attempts.", Interlocked.Read(ref deadLetters));
        text.Append("# HELP isl_scoring_queue_depth Studies waiting for a scoring worker.\n# TYPE isl_scoring_queue_depth gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"isl_scoring_queue_depth {queueDepth()}\n");
        text.Append("# HELP isl_scoring_seconds Time to score one study.\n# TYPE isl_scoring_seconds histogram\n");
        lock (scoringLock)
        {
            for (var i = 0; i < ScoringBuckets.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"isl_scoring_seconds_bucket{{le=\"{ScoringBuckets[i]}\"}} {scoringBucketCounts[i]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"isl_scoring_seconds_bucket{{le=\"+Inf\"}} {scoringCount}\n");
            text.Append(CultureInfo.InvariantCulture, $"isl_scoring_seconds_sum {scoringSum}\n");
            text.Append(CultureInfo.InvariantCulture, $"isl_scoring_seconds_count {scoringCount}\n");
        }

        writer.Write(text.ToString());
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");
}

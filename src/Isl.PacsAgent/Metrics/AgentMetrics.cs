using System.Collections.Concurrent;
using System.Globalization;
using Prometheus;

namespace Isl.PacsAgent.Metrics;

/// <summary>
/// The agent's counters, gauges and histogram, kept by prometheus-net in a registry of this instance (so several
/// agents in one process, as in the tests, count apart) and exported in the Prometheus text format by <see cref="WriteAsync"/>.
/// </summary>
public sealed class AgentMetrics
{
    private static readonly double[] ScoringBuckets = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];
    private readonly CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly ConcurrentDictionary<ushort, long> rejectedByStatus = new();
    private readonly Counter instancesReceived;
    private readonly Counter instancesRejected;
    private readonly Counter studiesReceived;
    private readonly Counter studiesScored;
    private readonly Counter studiesFlagged;
    private readonly Counter studiesNotAnalysed;
    private readonly Counter studiesFailed;
    private readonly Counter deliveriesSucceeded;
    private readonly Counter deliveriesFailed;
    private readonly Counter deadLetters;
    private readonly Gauge queueDepthGauge;
    private readonly Histogram scoringSeconds;
    private Func<int> queueDepth = () => 0;

    /// <summary>Creates the metrics in a registry of their own.</summary>
    public AgentMetrics()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        instancesReceived = factory.CreateCounter("isl_instances_received_total", "DICOM instances received.");
        instancesRejected = factory.CreateCounter(
            "isl_instances_rejected_total", "C-STORE requests refused (unreadable, not matching the command, out of resources), by DIMSE status.", "status");
        studiesReceived = factory.CreateCounter("isl_studies_received_total", "Distinct studies received.");
        studiesScored = factory.CreateCounter("isl_studies_scored_total", "Studies scored by the model.");
        studiesFlagged = factory.CreateCounter("isl_studies_flagged_total", "Studies scored abnormal.");
        studiesNotAnalysed = factory.CreateCounter("isl_studies_not_analysed_total", "Studies without an eligible series.");
        studiesFailed = factory.CreateCounter("isl_studies_failed_total", "Studies whose scoring failed.");
        deliveriesSucceeded = factory.CreateCounter("isl_deliveries_succeeded_total", "Delivery attempts that succeeded.");
        deliveriesFailed = factory.CreateCounter("isl_deliveries_failed_total", "Delivery attempts that failed (and were retried or dead-lettered).");
        deadLetters = factory.CreateCounter("isl_deliveries_dead_lettered_total", "Deliveries given up after the maximum attempts.");
        queueDepthGauge = factory.CreateGauge("isl_scoring_queue_depth", "Studies waiting for a scoring worker.");
        scoringSeconds = factory.CreateHistogram("isl_scoring_seconds", "Time to score one study.", new HistogramConfiguration { Buckets = ScoringBuckets });
        registry.AddBeforeCollectCallback(() => queueDepthGauge.Set(queueDepth()));
    }

    /// <summary>The Prometheus text exposition content type.</summary>
    public static string ContentType => PrometheusConstants.TextContentTypeWithVersionAndEncoding;

    /// <summary>Instances received.</summary>
    public long InstancesReceived => (long)instancesReceived.Value;

    /// <summary>Distinct studies received.</summary>
    public long StudiesReceived => (long)studiesReceived.Value;

    /// <summary>Studies scored.</summary>
    public long StudiesScored => (long)studiesScored.Value;

    /// <summary>Studies scored abnormal.</summary>
    public long StudiesFlagged => (long)studiesFlagged.Value;

    /// <summary>C-STORE requests answered with a failure status (nothing kept), by status.</summary>
    public IReadOnlyDictionary<ushort, long> InstancesRejected => rejectedByStatus.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Sets where the scoring queue depth is read from.</summary>
    public void ObserveQueueDepth(Func<int> depth) => queueDepth = depth;

    /// <summary>Counts one instance, and one study when it is the study's first.</summary>
    public void InstanceReceived(bool newStudy)
    {
        instancesReceived.Inc();
        if (newStudy)
        {
            studiesReceived.Inc();
        }
    }

    /// <summary>Counts one C-STORE answered with the failure <paramref name="status"/>.</summary>
    public void InstanceRejected(ushort status)
    {
        rejectedByStatus.AddOrUpdate(status, 1, (_, count) => count + 1);
        instancesRejected.WithLabels(string.Create(CultureInfo.InvariantCulture, $"0x{status:X4}")).Inc();
    }

    /// <summary>Counts a scored study and its scoring time.</summary>
    public void StudyScored(bool abnormal, TimeSpan duration)
    {
        studiesScored.Inc();
        if (abnormal)
        {
            studiesFlagged.Inc();
        }

        scoringSeconds.Observe(duration.TotalSeconds);
    }

    /// <summary>Counts a study with no eligible series.</summary>
    public void StudyNotAnalysed() => studiesNotAnalysed.Inc();

    /// <summary>Counts a study whose scoring failed.</summary>
    public void StudyFailed() => studiesFailed.Inc();

    /// <summary>Counts a delivery attempt.</summary>
    public void DeliveryAttempted(bool succeeded) => (succeeded ? deliveriesSucceeded : deliveriesFailed).Inc();

    /// <summary>Counts a dead-lettered delivery.</summary>
    public void DeliveryDeadLettered() => deadLetters.Inc();

    /// <summary>Writes every metric in the Prometheus text format (version 0.0.4).</summary>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken) => registry.CollectAndExportAsTextAsync(destination, cancellationToken);
}

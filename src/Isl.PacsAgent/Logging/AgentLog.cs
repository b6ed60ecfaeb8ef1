using Microsoft.Extensions.Logging;

namespace Isl.PacsAgent.Logging;

/// <summary>
/// The agent's source-generated log messages. Event ids: 6000–6099 host, 6100–6199 ingest,
/// 6200–6299 assembly, 6300–6399 series selection, 6400–6499 scoring, 6500–6599 delivery,
/// 6600–6699 Orthanc source, 6700–6799 HTTP endpoint. Credentials are never among the arguments.
/// </summary>
internal static partial class AgentLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "isl-agent started: DICOM {Dicom}, HTTP {HttpUrl}; sources: {Sources}; destinations: {Destinations}")]
    public static partial void Started(ILogger logger, string dicom, string httpUrl, string sources, string destinations);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Model {ModelId} {ModelVersion} (manifest SHA-256 {Sha256}) loaded from {BundlePath}; networks run in {Networks}")]
    public static partial void ModelLoaded(ILogger logger, string modelId, string modelVersion, string sha256, string bundlePath, string networks);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Resuming {Count} stud(ies) left in state {State} by the previous run")]
    public static partial void Resuming(ILogger logger, int count, string state);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Delivery destination configured: {Destination}")]
    public static partial void DestinationConfigured(ILogger logger, string destination);

    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug, Message = "Instance {SopInstanceUid} of study {StudyInstanceUid} received")]
    public static partial void InstanceReceived(ILogger logger, string sopInstanceUid, string studyInstanceUid);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Instance {SopInstanceUid} was already received; ignored")]
    public static partial void DuplicateInstance(ILogger logger, string sopInstanceUid);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Instance {SopInstanceUid} is one of the agent's own outputs; it does not trigger scoring")]
    public static partial void OwnOutputIgnored(ILogger logger, string sopInstanceUid);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Spool file {Path} cannot be read, it is not catalogued: {Reason}")]
    public static partial void SpoolFileUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Catalogued {Count} instance(s) found in the spool {SpoolRoot} but not in the catalogue")]
    public static partial void SpoolCatalogued(ILogger logger, int count, string spoolRoot);

    [LoggerMessage(EventId = 6200, Level = LogLevel.Debug, Message = "Study {StudyInstanceUid} will be assembled at {DueUtc:O}")]
    public static partial void AssemblyScheduled(ILogger logger, string studyInstanceUid, DateTimeOffset dueUtc);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} is stable ({InstanceCount} instances); queued for scoring as revision {Revision}")]
    public static partial void StudyStable(ILogger logger, string studyInstanceUid, int instanceCount, int revision);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Debug, Message = "Study {StudyInstanceUid} received an instance since; assembly postponed to {DueUtc:O}")]
    public static partial void AssemblyPostponed(ILogger logger, string studyInstanceUid, DateTimeOffset dueUtc);

    [LoggerMessage(EventId = 6300, Level = LogLevel.Information, Message = "Study {StudyInstanceUid}: series {SeriesInstanceUid} skipped: {Reason}")]
    public static partial void SeriesSkipped(ILogger logger, string studyInstanceUid, string seriesInstanceUid, string reason);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Study {StudyInstanceUid}: series {SeriesInstanceUid} selected: {Reason}")]
    public static partial void SeriesSelected(ILogger logger, string studyInstanceUid, string seriesInstanceUid, string reason);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning, Message = "Study {StudyInstanceUid} not analysed: {Reason}")]
    public static partial void NotAnalysed(ILogger logger, string studyInstanceUid, string reason);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Warning, Message = "Study {StudyInstanceUid}: no \"not analysed\" report can be made ({Error}); the reason is recorded in the worklist only")]
    public static partial void NotAnalysedReportUnavailable(ILogger logger, string studyInstanceUid, string error);

    [LoggerMessage(EventId = 6400, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} scored {Score:F4} (threshold {Threshold:F4}): {Flag} in {Seconds:F1} s")]
    public static partial void Scored(ILogger logger, string studyInstanceUid, double score, double threshold, string flag, double seconds);

    [LoggerMessage(EventId = 6401, Level = LogLevel.Error, Message = "Scoring study {StudyInstanceUid} failed")]
    public static partial void ScoringFailed(ILogger logger, Exception exception, string studyInstanceUid);

    [LoggerMessage(EventId = 6403, Level = LogLevel.Warning, Message = "Study {StudyInstanceUid}: instance {SopInstanceUid} left out of scoring, it cannot be read: {Reason}")]
    public static partial void InstanceSkipped(ILogger logger, string studyInstanceUid, string sopInstanceUid, string reason);

    [LoggerMessage(EventId = 6402, Level = LogLevel.Debug, Message = "Result of study {StudyInstanceUid} revision {Revision} is stale (a newer instance arrived); discarded")]
    public static partial void StaleResult(ILogger logger, string studyInstanceUid, int revision);

    [LoggerMessage(EventId = 6500, Level = LogLevel.Information, Message = "Delivered study {StudyInstanceUid} revision {Revision} to {Destination}")]
    public static partial void Delivered(ILogger logger, string studyInstanceUid, int revision, string destination);

    [LoggerMessage(EventId = 6501, Level = LogLevel.Warning, Message = "Delivery of study {StudyInstanceUid} to {Destination} failed (attempt {Attempt}); next attempt at {NextUtc:O}: {Error}")]
    public static partial void DeliveryRetry(ILogger logger, string studyInstanceUid, string destination, int attempt, DateTimeOffset nextUtc, string error);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Error, Message = "Delivery of study {StudyInstanceUid} to {Destination} dead-lettered after {Attempts} attempts: {Error}")]
    public static partial void DeadLettered(ILogger logger, string studyInstanceUid, string destination, int attempts, string error);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Error, Message = "Delivery destination {Destination} is no longer configured; delivery {DeliveryId} dead-lettered")]
    public static partial void UnknownDestination(ILogger logger, string destination, long deliveryId);

    [LoggerMessage(EventId = 6600, Level = LogLevel.Information, Message = "Orthanc study {OrthancId} ({StudyInstanceUid}) is stable; fetching it by WADO-RS")]
    public static partial void OrthancStudyStable(ILogger logger, string orthancId, string studyInstanceUid);

    [LoggerMessage(EventId = 6601, Level = LogLevel.Warning, Message = "Polling Orthanc's changes failed; retrying in {Seconds} s: {Error}")]
    public static partial void OrthancPollFailed(ILogger logger, double seconds, string error);

    [LoggerMessage(EventId = 6602, Level = LogLevel.Information, Message = "Fetched {Count} instance(s) of study {StudyInstanceUid} from Orthanc ({New} new)")]
    public static partial void OrthancStudyFetched(ILogger logger, int count, string studyInstanceUid, int @new);

    [LoggerMessage(EventId = 6700, Level = LogLevel.Information, Message = "HTTP endpoint listening on {Url} (/health, /metrics, /api/worklist)")]
    public static partial void HttpListening(ILogger logger, string url);
}

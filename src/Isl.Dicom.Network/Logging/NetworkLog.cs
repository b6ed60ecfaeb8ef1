using System.Net;
using Microsoft.Extensions.Logging;

namespace Isl.Dicom.Network.Logging;

/// <summary>Source-generated log messages of the networking subsystem (event ids 3000–3999).</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "DICOM SCP {AeTitle} listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string aeTitle, EndPoint endPoint);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Association accepted: {CallingAe}@{Remote} -> {CalledAe}, {Accepted}/{Proposed} presentation contexts")]
    public static partial void AssociationAccepted(ILogger logger, string callingAe, EndPoint? remote, string calledAe, int accepted, int proposed);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Association rejected: {CallingAe}@{Remote} -> {CalledAe}: {Reason}")]
    public static partial void AssociationRejected(ILogger logger, string callingAe, EndPoint? remote, string calledAe, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Association released: {CallingAe}@{Remote}, {Stored} instances stored, {Failed} failed")]
    public static partial void AssociationReleased(ILogger logger, string callingAe, EndPoint? remote, int stored, int failed);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Association with {Remote} aborted: {Reason}")]
    public static partial void AssociationAborted(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Stored {SopInstanceUid} ({Bytes} bytes) at {Path}")]
    public static partial void InstanceStored(ILogger logger, string sopInstanceUid, long bytes, string path);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "C-STORE of {SopInstanceUid} from {CallingAe}@{Remote} answered 0x{Status:X4}: {Reason}")]
    public static partial void InstanceRefused(ILogger logger, string callingAe, EndPoint? remote, string sopInstanceUid, ushort status, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Spool disk low: {FreeBytes} bytes free, watermark {WatermarkBytes}; refusing instances")]
    public static partial void DiskLow(ILogger logger, long freeBytes, long watermarkBytes);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Too many associations ({Limit}); rejecting {Remote} as transient")]
    public static partial void TooManyAssociations(ILogger logger, int limit, EndPoint? remote);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "DICOM SCP {AeTitle} stopped")]
    public static partial void Stopped(ILogger logger, string aeTitle);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Unexpected error on the association with {Remote}")]
    public static partial void AssociationFailed(ILogger logger, EndPoint? remote, Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "TLS handshake with {Remote} failed: {Reason}")]
    public static partial void TlsFailed(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Connection from {Remote} closed before its association request: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "SCU associated with {CalledAe} at {Host}:{Port}, {Accepted} contexts accepted")]
    public static partial void ScuAssociated(ILogger logger, string calledAe, string host, int port, int accepted);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "SCU attempt {Attempt} to {CalledAe} at {Host}:{Port} failed transiently ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ScuRetry(ILogger logger, int attempt, string calledAe, string host, int port, string reason, double delayMs);
}

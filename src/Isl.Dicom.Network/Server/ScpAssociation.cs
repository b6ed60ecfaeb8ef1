using System.Buffers;
using System.Net;
using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Logging;
using Isl.Dicom.Network.Pdus;
using Isl.Dicom.Network.Storage;
using Isl.Dicom.Network.Transport;
using Microsoft.Extensions.Logging;

namespace Isl.Dicom.Network.Server;

/// <summary>One association on the SCP side: negotiation, then C-ECHO/C-STORE until release or abort.</summary>
internal sealed class ScpAssociation
{
    private readonly PduConnection _connection;
    private readonly DicomServerOptions _options;
    private readonly DicomSpool _spool;
    private readonly ILogger _logger;
    private readonly EndPoint? _remote;
    private readonly Func<ReceivedInstance, ValueTask>? _onStored;
    private readonly Action<RefusedInstance>? _onRefused;
    private readonly ArrayBufferWriter<byte> _command = new(1024);
    private IReadOnlyDictionary<byte, AcceptedContext> _contexts = new Dictionary<byte, AcceptedContext>();
    private int _sendLength = DimseMessageWriter.UnlimitedPduLength;
    private string _callingAe = "?";
    private PendingMessage? _pending;
    private int _stored;
    private int _failed;

    public ScpAssociation(PduConnection connection, DicomServerOptions options, DicomSpool spool, EndPoint? remote, ILogger logger, Func<ReceivedInstance, ValueTask>? onStored, Action<RefusedInstance>? onRefused)
    {
        _connection = connection;
        _options = options;
        _spool = spool;
        _remote = remote;
        _logger = logger;
        _onStored = onStored;
        _onRefused = onRefused;
    }

    private PduLimits Limits => new(_options.MaxPduLength, _options.MaxAssociationRequestLength);

    /// <summary>Runs the association to its end; never throws for peer misbehaviour.</summary>
    /// <param name="slot">The connection's admission: an association slot is taken from it once the A-ASSOCIATE-RQ arrived.</param>
    /// <param name="cancellationToken">Server shutdown.</param>
    public async Task RunAsync(AdmittedConnection slot, CancellationToken cancellationToken)
    {
        try
        {
            if (await NegotiateAsync(slot, cancellationToken).ConfigureAwait(false))
            {
                await ServeAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DicomProtocolException ex)
        {
            NetworkLog.AssociationAborted(_logger, _remote, ex.Message);
            await _connection.TryAbortAsync(AbortSource.ServiceProvider, ex.Reason).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            NetworkLog.AssociationAborted(_logger, _remote, ex.Message);
            await _connection.TryAbortAsync(AbortSource.ServiceProvider, AbortReason.NotSpecified).ConfigureAwait(false);
        }
        catch (DicomAssociationAbortedException ex)
        {
            NetworkLog.AssociationAborted(_logger, _remote, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _connection.TryAbortAsync(AbortSource.ServiceProvider, AbortReason.NotSpecified).ConfigureAwait(false);
        }
        finally
        {
            _pending?.Dispose();
        }
    }

    private async Task<bool> NegotiateAsync(AdmittedConnection slot, CancellationToken cancellationToken)
    {
        var first = await _connection.ReadPduAsync(Limits, _options.AssociationRequestTimeout, cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return false;
        }

        if (first is not AAssociateRq request)
        {
            throw new DicomProtocolException($"Expected A-ASSOCIATE-RQ, received {first}.", AbortReason.UnexpectedPdu);
        }

        _callingAe = request.CallingAeTitle;
        if (!slot.TryAssociate())
        {
            NetworkLog.TooManyAssociations(_logger, _options.MaxAssociations, _remote);
            await _connection.WritePduAsync(new AAssociateRj(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 2), _options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var outcome = AssociationNegotiator.Negotiate(request, _options, (_remote as IPEndPoint)?.Address);
        if (outcome.Reject is not null)
        {
            NetworkLog.AssociationRejected(_logger, request.CallingAeTitle, _remote, request.CalledAeTitle, outcome.RejectReason ?? "policy");
            await _connection.WritePduAsync(outcome.Reject, _options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
            return false;
        }

        _contexts = outcome.Contexts;
        _sendLength = DimseMessageWriter.SendLength(request.UserInformation.MaxPduLength);
        await _connection.WritePduAsync(outcome.Accept!, _options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
        NetworkLog.AssociationAccepted(_logger, request.CallingAeTitle, _remote, request.CalledAeTitle, _contexts.Count, request.PresentationContexts.Count);
        return true;
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pdu = await _connection.ReadPduAsync(Limits, _options.IdleTimeout, cancellationToken).ConfigureAwait(false);
            switch (pdu)
            {
                case null:
                    throw new DicomAssociationAbortedException("The peer closed the connection without releasing the association.");
                case PDataTf data:
                    foreach (var value in data.Values)
                    {
                        await OnValueAsync(value, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case AReleaseRq:
                    if (_pending is not null || _command.WrittenCount > 0)
                    {
                        throw new DicomProtocolException("A-RELEASE-RQ arrived in the middle of a DIMSE message.", AbortReason.UnexpectedPdu);
                    }

                    await _connection.WritePduAsync(new AReleaseRp(), _options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
                    NetworkLog.AssociationReleased(_logger, _callingAe, _remote, _stored, _failed);
                    return;
                case AAbort abort:
                    throw new DicomAssociationAbortedException(abort);
                default:
                    throw new DicomProtocolException($"Unexpected {pdu} during the association.", AbortReason.UnexpectedPdu);
            }
        }
    }

    private async ValueTask OnValueAsync(PresentationDataValue value, CancellationToken cancellationToken)
    {
        if (!_contexts.TryGetValue(value.PresentationContextId, out var context))
        {
            throw new DicomProtocolException($"A PDV uses presentation context {value.PresentationContextId}, which was not accepted.", AbortReason.InvalidPduParameterValue);
        }

        if (value.IsCommand)
        {
            if (_pending is not null)
            {
                throw new DicomProtocolException("A command fragment arrived while a data set was expected.", AbortReason.UnexpectedPduParameter);
            }

            if (_command.WrittenCount + value.Data.Length > _options.MaxCommandLength)
            {
                throw new DicomProtocolException($"The command set exceeds {_options.MaxCommandLength} bytes.", AbortReason.InvalidPduParameterValue);
            }

            _command.Write(value.Data.Span);
            if (value.IsLast)
            {
                var message = DimseCommandCodec.Decode(_command.WrittenSpan);
                _command.ResetWrittenCount();
                await OnCommandAsync(message, context, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var pending = _pending ?? throw new DicomProtocolException("A data set fragment arrived without a command.", AbortReason.UnexpectedPduParameter);
        if (pending.Context.Id != context.Id)
        {
            throw new DicomProtocolException($"The data set moved from presentation context {pending.Context.Id} to {context.Id}.", AbortReason.InvalidPduParameterValue);
        }

        pending.Append(value.Data.Span, _options.MaxDatasetSize);
        if (value.IsLast)
        {
            _pending = null;
            using (pending)
            {
                await CompleteStoreAsync(pending, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask OnCommandAsync(DimseMessage message, AcceptedContext context, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case CEchoRequest echo:
                await RespondAsync(context, new CEchoResponse { MessageIdBeingRespondedTo = echo.MessageId, Status = DimseStatus.Success }, cancellationToken).ConfigureAwait(false);
                break;
            case CStoreRequest store:
                _pending = BeginStore(store, context);
                break;
            case UnsupportedDimseMessage other when other.HasDataset:
                _pending = PendingMessage.Refuse(other, context, DimseStatus.UnrecognizedOperation, $"command 0x{other.RawCommandField:X4} is not supported");
                break;
            case UnsupportedDimseMessage other when other.RawCommandField < 0x8000 && other.RawCommandField != (ushort)DimseCommandField.CCancelRequest:
                await RespondAsync(context, new UnsupportedResponse(other), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new DicomProtocolException($"Unexpected DIMSE command 0x{(ushort)message.CommandField:X4} at the SCP.", AbortReason.UnexpectedPduParameter);
        }
    }

    private PendingMessage BeginStore(CStoreRequest store, AcceptedContext context)
    {
        if (!string.Equals(store.SopClassUid, context.AbstractSyntax, StringComparison.Ordinal))
        {
            return PendingMessage.Refuse(store, context, DimseStatus.SopClassNotSupported, $"SOP class {store.SopClassUid} sent on a context for {context.AbstractSyntax}");
        }

        if (context.AbstractSyntax == AssociationNegotiator.VerificationSopClass)
        {
            return PendingMessage.Refuse(store, context, DimseStatus.SopClassNotSupported, "C-STORE on the Verification context");
        }

        if (_options.DiskLowWatermarkBytes > 0)
        {
            var free = _spool.AvailableFreeSpace;
            if (free < _options.DiskLowWatermarkBytes)
            {
                NetworkLog.DiskLow(_logger, free, _options.DiskLowWatermarkBytes);
                return PendingMessage.Refuse(store, context, DimseStatus.OutOfResources, "spool disk below its low watermark");
            }
        }

        try
        {
            return PendingMessage.Store(store, context, _spool.Begin(store.SopClassUid, store.SopInstanceUid, context.TransferSyntax, _callingAe));
        }
        catch (IOException ex)
        {
            return PendingMessage.Refuse(store, context, DimseStatus.OutOfResources, $"cannot create the spool file: {ex.Message}");
        }
    }

    private async ValueTask CompleteStoreAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        var status = pending.Status;
        var comment = pending.Reason;
        if (pending.Instance is { } instance && status == DimseStatus.Success)
        {
            try
            {
                var stored = await instance.CommitAsync(cancellationToken).ConfigureAwait(false);
                NetworkLog.InstanceStored(_logger, stored.SopInstanceUid, instance.DatasetLength, stored.Path);
                if (!await NotifyStoredAsync(stored).ConfigureAwait(false))
                {
                    (status, comment) = (DimseStatus.OutOfResources, "stored, but the receiver could not record it; send it again");
                }
            }
            catch (InstanceRejectedException ex)
            {
                (status, comment) = (ex.Status, ex.Message);
            }
            catch (DicomException ex)
            {
                (status, comment) = (DimseStatus.CannotUnderstand, $"data set cannot be parsed: {ex.Message}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                (status, comment) = (DimseStatus.OutOfResources, $"could not store durably: {ex.Message}");
            }
        }

        if (pending.Request is CStoreRequest store)
        {
            if (status == DimseStatus.Success)
            {
                _stored++;
            }
            else
            {
                _failed++;
                var reason = comment ?? DimseStatus.Describe(status);
                NetworkLog.InstanceRefused(_logger, _callingAe, _remote, Quoted(store.SopInstanceUid), status, reason);
                NotifyRefused(new RefusedInstance(_callingAe, _remote, store.SopInstanceUid, status, reason));
            }

            await RespondAsync(pending.Context, new CStoreResponse { MessageIdBeingRespondedTo = store.MessageId, Status = status, ErrorComment = status == DimseStatus.Success ? null : comment, SopClassUid = store.SopClassUid, SopInstanceUid = store.SopInstanceUid }, cancellationToken).ConfigureAwait(false);
        }
        else if (pending.Request is UnsupportedDimseMessage other)
        {
            await RespondAsync(pending.Context, new UnsupportedResponse(other), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hands the durable instance to the application; false when it could not take it (the sender is then told to retry).</summary>
    private async ValueTask<bool> NotifyStoredAsync(ReceivedInstance stored)
    {
        if (_onStored is null)
        {
            return true;
        }

        try
        {
            await _onStored(stored).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            NetworkLog.AssociationFailed(_logger, _remote, ex);
            return false;
        }
    }

    private void NotifyRefused(RefusedInstance refused)
    {
        try
        {
            _onRefused?.Invoke(refused);
        }
        catch (Exception ex)
        {
            NetworkLog.AssociationFailed(_logger, _remote, ex);
        }
    }

    /// <summary>A UID from the wire for a log line: control characters replaced, at most 80 characters.</summary>
    private static string Quoted(string uid) =>
        new(uid.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private ValueTask RespondAsync(AcceptedContext context, DimseMessage response, CancellationToken cancellationToken) =>
        DimseMessageWriter.SendAsync(_connection, context.Id, response, null, 0, _sendLength, _options.IdleTimeout, cancellationToken);
}

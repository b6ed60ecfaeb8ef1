using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Pdus;
using Isl.Dicom.Network.Transport;

namespace Isl.Dicom.Network.Client;

/// <summary>An open association on the SCU side: requests go out one at a time, each waits for its response.</summary>
internal sealed class ScuAssociation : IAsyncDisposable
{
    private readonly DicomClientOptions _options;
    private readonly PduConnection _connection;
    private readonly ArrayBufferWriter<byte> _command = new(512);
    private ushort _nextMessageId = 1;
    private bool _open = true;

    private ScuAssociation(DicomClientOptions options, PduConnection connection, AAssociateAc accept)
    {
        _options = options;
        _connection = connection;
        Accept = accept;
        SendLength = DimseMessageWriter.SendLength(accept.UserInformation.MaxPduLength);
    }

    public AAssociateAc Accept { get; }

    public int SendLength { get; }

    private PduLimits Limits => new(_options.MaxPduLength, 64 * 1024);

    public static async Task<ScuAssociation> OpenAsync(DicomClientOptions options, IReadOnlyList<PresentationContextProposal> contexts, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        Stream? stream = null;
        try
        {
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(options.ConnectTimeout);
                try
                {
                    await client.ConnectAsync(options.Host, options.Port, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Could not connect to {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds} s.");
                }
            }

            stream = client.GetStream();
            if (options.UseTls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, options.ServerCertificateValidation);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = options.Host,
                        ClientCertificates = options.ClientCertificates,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            var connection = new PduConnection(new OwningStream(stream, client));
            var request = new AAssociateRq
            {
                CalledAeTitle = options.CalledAeTitle,
                CallingAeTitle = options.CallingAeTitle,
                PresentationContexts = contexts,
                UserInformation = new UserInformation
                {
                    MaxPduLength = (uint)options.MaxPduLength,
                    ImplementationClassUid = NetworkImplementation.ClassUid,
                    ImplementationVersionName = NetworkImplementation.VersionName,
                },
            };
            try
            {
                await connection.WritePduAsync(request, options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
                var answer = await connection.ReadPduAsync(new PduLimits(options.MaxPduLength, 64 * 1024), options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
                return answer switch
                {
                    AAssociateAc accept => new ScuAssociation(options, connection, accept),
                    AAssociateRj reject => throw new DicomAssociationRejectedException(reject),
                    AAbort abort => throw new DicomAssociationAbortedException(abort),
                    null => throw new DicomAssociationAbortedException("The peer closed the connection during association negotiation."),
                    _ => throw new DicomProtocolException($"Expected A-ASSOCIATE-AC, received {answer}.", AbortReason.UnexpectedPdu),
                };
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            client.Dispose();
            throw;
        }
    }

    public ushort NextMessageId() => _nextMessageId++;

    /// <summary>Sends a request (and its data set) and waits for the response command.</summary>
    public async Task<DimseResponse> RequestAsync(byte contextId, DimseRequest request, Stream? dataset, long datasetLength, CancellationToken cancellationToken)
    {
        try
        {
            await DimseMessageWriter.SendAsync(_connection, contextId, request, dataset, datasetLength, SendLength, _options.ResponseTimeout, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var pdu = await _connection.ReadPduAsync(Limits, _options.ResponseTimeout, cancellationToken).ConfigureAwait(false);
                switch (pdu)
                {
                    case PDataTf data:
                        foreach (var value in data.Values)
                        {
                            if (!value.IsCommand)
                            {
                                continue;
                            }

                            _command.Write(value.Data.Span);
                            if (value.IsLast)
                            {
                                var message = DimseCommandCodec.Decode(_command.WrittenSpan);
                                _command.ResetWrittenCount();
                                if (message is DimseResponse response && response.MessageIdBeingRespondedTo == request.MessageId)
                                {
                                    return response;
                                }

                                throw new DicomProtocolException($"Expected the response to message {request.MessageId}, received {message.CommandField}.", AbortReason.UnexpectedPduParameter);
                            }
                        }

                        break;
                    case AAbort abort:
                        _open = false;
                        throw new DicomAssociationAbortedException(abort);
                    case null:
                        _open = false;
                        throw new DicomAssociationAbortedException("The peer closed the connection while a response was awaited.");
                    default:
                        throw new DicomProtocolException($"Unexpected {pdu} while a response was awaited.", AbortReason.UnexpectedPdu);
                }
            }
        }
        catch (Exception ex) when (ex is DicomProtocolException or TimeoutException)
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        try
        {
            await _connection.WritePduAsync(new AReleaseRq(), _options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
            var answer = await _connection.ReadPduAsync(Limits, _options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
            if (answer is not AReleaseRp and not null)
            {
                await _connection.TryAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DicomNetworkException or TimeoutException)
        {
            // The work is done; a peer that fumbles the release does not undo it.
        }
    }

    public async Task AbortAsync()
    {
        if (_open)
        {
            _open = false;
            await _connection.TryAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await AbortAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}

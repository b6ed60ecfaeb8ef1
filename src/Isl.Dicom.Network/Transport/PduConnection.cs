using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network.Transport;

/// <summary>
/// Reads and writes whole PDUs on a stream (TCP or TLS). Every PDU length is checked against
/// <see cref="PduLimits"/> before its body is buffered, and every read and write has a deadline.
/// </summary>
internal sealed class PduConnection : IAsyncDisposable
{
    private const int InitialBodyBuffer = 16 * 1024;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private byte[] _body = new byte[InitialBodyBuffer];

    public PduConnection(Stream stream)
    {
        _stream = stream;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
    }

    /// <summary>Bytes received so far (for statistics).</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Reads the next PDU within <paramref name="timeout"/> (waiting and receiving together, which bounds slow senders).
    /// Returns null when the peer closed the connection cleanly between PDUs. A returned P-DATA-TF's
    /// values are valid until the next call.
    /// </summary>
    public async ValueTask<Pdu?> ReadPduAsync(PduLimits limits, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(deadline.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (buffer.Length >= Pdu.HeaderLength)
                {
                    var (type, length) = ReadHeader(buffer, limits);
                    if (buffer.Length >= Pdu.HeaderLength + length)
                    {
                        if (_body.Length < length)
                        {
                            _body = new byte[Math.Max(length, Math.Min(_body.Length * 2, limits.For(type)))];
                        }

                        buffer.Slice(Pdu.HeaderLength, length).CopyTo(_body);
                        _reader.AdvanceTo(buffer.GetPosition(Pdu.HeaderLength + length));
                        BytesRead += Pdu.HeaderLength + length;
                        return Pdu.Decode((PduType)type, _body.AsMemory(0, length));
                    }
                }

                if (result.IsCompleted)
                {
                    if (buffer.Length == 0)
                    {
                        return null;
                    }

                    throw new DicomAssociationAbortedException($"The peer closed the connection inside a PDU ({buffer.Length} bytes pending).");
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete PDU arrived within {timeout.TotalSeconds:0.###} s.");
        }
        catch (IOException ex)
        {
            throw new DicomAssociationAbortedException($"The connection failed while reading: {ex.Message}", ex);
        }
    }

    /// <summary>Writes a PDU within <paramref name="timeout"/>.</summary>
    public ValueTask WritePduAsync(Pdu pdu, TimeSpan timeout, CancellationToken cancellationToken) =>
        WriteAsync(pdu.Encode(), timeout, cancellationToken);

    /// <summary>Writes pre-encoded PDU bytes within <paramref name="timeout"/>.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _stream.WriteAsync(bytes, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The peer did not take {bytes.Length} bytes within {timeout.TotalSeconds:0.###} s.");
        }
        catch (IOException ex)
        {
            throw new DicomAssociationAbortedException($"The connection failed while writing: {ex.Message}", ex);
        }
    }

    /// <summary>Sends an A-ABORT without waiting long, ignoring a connection that is already gone.</summary>
    public async ValueTask TryAbortAsync(AbortSource source, AbortReason reason)
    {
        try
        {
            await WritePduAsync(new AAbort(source, reason), TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomNetworkException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private static (byte Type, int Length) ReadHeader(ReadOnlySequence<byte> buffer, PduLimits limits)
    {
        Span<byte> header = stackalloc byte[Pdu.HeaderLength];
        buffer.Slice(0, Pdu.HeaderLength).CopyTo(header);
        var type = header[0];
        if (type is 0 or > 7)
        {
            throw new DicomProtocolException($"Unrecognized PDU type 0x{type:X2}.", AbortReason.UnrecognizedPdu);
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[2..]);
        var max = limits.For(type);
        if (length > (uint)max)
        {
            throw new DicomProtocolException($"A PDU of type 0x{type:X2} claims {length} bytes; the limit is {max}.", AbortReason.InvalidPduParameterValue);
        }

        return (type, (int)length);
    }
}

using System.Buffers;
using System.Buffers.Binary;
using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network.Transport;

/// <summary>Fragments a DIMSE message (command, then data set) into P-DATA-TF PDUs of one PDV each, within the peer's maximum length.</summary>
internal static class DimseMessageWriter
{
    /// <summary>The PDU length we use when the peer announces no limit.</summary>
    public const int UnlimitedPduLength = 256 * 1024;

    private const int MinimumPduLength = 64;

    /// <summary>The P-DATA-TF body length to send for the peer's announced maximum.</summary>
    public static int SendLength(uint peerMaximum) =>
        peerMaximum == 0 ? UnlimitedPduLength : (int)Math.Clamp(peerMaximum, MinimumPduLength, (uint)UnlimitedPduLength);

    public static async ValueTask SendAsync(
        PduConnection connection,
        byte contextId,
        DimseMessage message,
        Stream? dataset,
        long datasetLength,
        int maxPduLength,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var command = DimseCommandCodec.Encode(message);
        var maxData = maxPduLength - PresentationDataValue.Overhead;
        var buffer = ArrayPool<byte>.Shared.Rent(Pdu.HeaderLength + maxPduLength);
        try
        {
            var offset = 0;
            do
            {
                var chunk = Math.Min(maxData, command.Length - offset);
                command.AsSpan(offset, chunk).CopyTo(buffer.AsSpan(Pdu.HeaderLength + PresentationDataValue.Overhead));
                offset += chunk;
                var length = Frame(buffer, contextId, isCommand: true, isLast: offset == command.Length, chunk);
                await connection.WriteAsync(buffer.AsMemory(0, length), timeout, cancellationToken).ConfigureAwait(false);
            }
            while (offset < command.Length);

            if (dataset is null)
            {
                return;
            }

            var remaining = datasetLength;
            do
            {
                var chunk = (int)Math.Min(maxData, remaining);
                await dataset.ReadExactlyAsync(buffer.AsMemory(Pdu.HeaderLength + PresentationDataValue.Overhead, chunk), cancellationToken).ConfigureAwait(false);
                remaining -= chunk;
                var length = Frame(buffer, contextId, isCommand: false, isLast: remaining == 0, chunk);
                await connection.WriteAsync(buffer.AsMemory(0, length), timeout, cancellationToken).ConfigureAwait(false);
            }
            while (remaining > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Frame(byte[] buffer, byte contextId, bool isCommand, bool isLast, int dataLength)
    {
        var pduLength = PresentationDataValue.Overhead + dataLength;
        Pdu.WriteHeader(buffer, PduType.DataTransfer, pduLength);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(Pdu.HeaderLength), (uint)(dataLength + 2));
        buffer[Pdu.HeaderLength + 4] = contextId;
        buffer[Pdu.HeaderLength + 5] = (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0));
        return Pdu.HeaderLength + pduLength;
    }
}

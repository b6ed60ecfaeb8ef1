using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Storage;

namespace Isl.Dicom.Network.Server;

/// <summary>A request whose data set is still arriving: either streamed into the spool, or drained because it will be refused.</summary>
internal sealed class PendingMessage : IDisposable
{
    private PendingMessage(DimseMessage request, AcceptedContext context, IncomingInstance? instance, ushort status, string? reason)
    {
        Request = request;
        Context = context;
        Instance = instance;
        Status = status;
        Reason = reason;
    }

    public DimseMessage Request { get; }

    public AcceptedContext Context { get; }

    public IncomingInstance? Instance { get; private set; }

    public ushort Status { get; private set; }

    public string? Reason { get; private set; }

    public long Received { get; private set; }

    public static PendingMessage Store(DimseMessage request, AcceptedContext context, IncomingInstance instance) =>
        new(request, context, instance, DimseStatus.Success, null);

    public static PendingMessage Refuse(DimseMessage request, AcceptedContext context, ushort status, string reason) =>
        new(request, context, null, status, reason);

    /// <summary>Writes a fragment, or drains it once the message is refused (too large, write failure).</summary>
    public void Append(ReadOnlySpan<byte> bytes, long maxDatasetSize)
    {
        Received += bytes.Length;
        if (Instance is null)
        {
            return;
        }

        if (Received > maxDatasetSize)
        {
            Refuse(DimseStatus.OutOfResources, $"data set larger than the {maxDatasetSize}-byte limit");
            return;
        }

        try
        {
            Instance.Write(bytes);
        }
        catch (IOException ex)
        {
            Refuse(DimseStatus.OutOfResources, $"spool write failed: {ex.Message}");
        }
    }

    public void Dispose() => Instance?.Dispose();

    private void Refuse(ushort status, string reason)
    {
        Instance?.Dispose();
        Instance = null;
        Status = status;
        Reason = reason;
    }
}

using System.Collections.Concurrent;
using Isl.PacsAgent.Delivery;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>A C-STORE sender that records the files it was asked to send instead of opening an association.</summary>
public sealed class RecordingCStoreSender : ICStoreSender
{
    public ConcurrentQueue<IReadOnlyList<string>> Sent { get; } = new();

    public Task SendAsync(string host, int port, string callingAeTitle, string calledAeTitle, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        Sent.Enqueue([.. files]);
        return Task.CompletedTask;
    }
}

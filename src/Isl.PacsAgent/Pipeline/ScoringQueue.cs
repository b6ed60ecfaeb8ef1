using System.Threading.Channels;
using Isl.PacsAgent.Configuration;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// The bounded in-memory queue of studies waiting for a scoring worker. Not durable by itself: a study in it is
/// in state Scoring in the results store, and start-up re-queues every such study.
/// </summary>
public sealed class ScoringQueue
{
    private readonly Channel<string> channel;

    /// <summary>Creates the queue with <see cref="ScoringOptions.QueueCapacity"/> places.</summary>
    public ScoringQueue(IOptions<ScoringOptions> options)
    {
        channel = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Studies waiting.</summary>
    public int Count => channel.Reader.Count;

    /// <summary>Queues a study, waiting while the queue is full.</summary>
    public ValueTask EnqueueAsync(string studyInstanceUid, CancellationToken cancellationToken) =>
        channel.Writer.WriteAsync(studyInstanceUid, cancellationToken);

    /// <summary>The next study to score.</summary>
    public ValueTask<string> DequeueAsync(CancellationToken cancellationToken) => channel.Reader.ReadAsync(cancellationToken);
}

using static TorchSharp.torch;

namespace Isl.Model.Training;

/// <summary>The batches a training loop draws: a stream seeded by (seed, step), so a resumed run draws what the uninterrupted one would have.</summary>
internal static class TrainingBatches
{
    /// <summary>
    /// The batch stream of a run with <paramref name="seed"/> from <paramref name="step"/> on. Its seed mixes (seed, step)
    /// the same way in every process; HashCode.Combine is salted per process, which made "seeded" runs draw different batches each time.
    /// </summary>
    public static Random Stream(int seed, int step) => new(unchecked((int)((((long)seed * 1_000_003L) + step) ^ 0x5DEECE66L)));

    /// <summary>min(<paramref name="batchSize"/>, <paramref name="count"/>) indices in [0, count), drawn with replacement, as an Int64 CPU tensor.</summary>
    public static Tensor Draw(Random random, long count, int batchSize)
    {
        var picks = new long[Math.Min(batchSize, count)];
        for (var i = 0; i < picks.Length; i++)
        {
            picks[i] = random.NextInt64(count);
        }

        return tensor(picks);
    }
}

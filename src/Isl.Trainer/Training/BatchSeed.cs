namespace Isl.Trainer.Training;

/// <summary>The seed of the batch stream of a run at a step.</summary>
internal static class BatchSeed
{
    /// <summary>
    /// Mixes (seed, step) into one Random seed that is the same in every process; HashCode.Combine is salted per
    /// process, which made "seeded" runs draw different batches each time.
    /// </summary>
    public static int Of(int seed, int step) => unchecked((int)((((long)seed * 1_000_003L) + step) ^ 0x5DEECE66L));
}

namespace Isl.Model.Training;

/// <summary>Stops a run whose losses stopped being numbers, instead of training on garbage.</summary>
internal static class Divergence
{
    /// <summary>Fails clearly when any loss is NaN or infinite.</summary>
    public static void Check(string phase, int step, IReadOnlyDictionary<string, double> losses)
    {
        var bad = losses.Where(l => !double.IsFinite(l.Value)).Select(l => l.Key).ToArray();
        if (bad.Length > 0)
        {
            throw new TrainingDivergedException($"{phase} training diverged at step {step} ({string.Join(", ", bad)} not finite); the last checkpoint is kept. Try another --seed or a lower --lr.");
        }
    }
}

using Isl.Trainer.Evaluation;

namespace Isl.Trainer.Cli.Training;

/// <summary>Writes a calibrated threshold into a bundle's manifest.</summary>
internal static class BundleCalibration
{
    /// <summary>Stores <paramref name="choice"/> in the bundle at <paramref name="bundle"/>.</summary>
    public static void Write(string bundle, ThresholdChoice choice, string level) =>
        throw new TrainerException("Writing a threshold into a bundle is not available in this build yet; use --out to save the choice.");
}

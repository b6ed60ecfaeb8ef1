namespace Isl.Trainer.Cli.Training;

/// <summary>Scores a labelled folder with a model bundle: prepares it with the bundle's preprocessing, then runs the bundle's scorer.</summary>
internal static class BundleScoring
{
    /// <summary>Prepares <paramref name="data"/> under <paramref name="workDirectory"/> and scores every slice.</summary>
    public static ScoredInputs ScoreFolder(string bundle, string data, string workDirectory, ScoringSettings settings, CancellationToken cancellationToken) =>
        throw new TrainerException("Scoring with a bundle is not available in this build yet (the model engine is being integrated); use --scores.");
}

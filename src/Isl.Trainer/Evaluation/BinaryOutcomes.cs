namespace Isl.Trainer.Evaluation;

/// <summary>Validated pairs of scores and labels (true = disorder); higher scores mean "more likely a disorder".</summary>
public sealed class BinaryOutcomes
{
    /// <summary>Pairs scores with labels, failing clearly when the lists differ in length or hold a non-finite score.</summary>
    public BinaryOutcomes(IReadOnlyList<double> scores, IReadOnlyList<bool> disorders)
    {
        if (scores.Count != disorders.Count)
        {
            throw new TrainerException($"{scores.Count} scores but {disorders.Count} labels: every score needs a label.");
        }

        for (var i = 0; i < scores.Count; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new TrainerException($"Score {i} is {scores[i]}: scores must be finite numbers.");
            }
        }

        Scores = scores;
        Disorders = disorders;
        PositiveCount = disorders.Count(d => d);
        NegativeCount = disorders.Count - PositiveCount;
    }

    /// <summary>The scores.</summary>
    public IReadOnlyList<double> Scores { get; }

    /// <summary>The labels, true for a disorder.</summary>
    public IReadOnlyList<bool> Disorders { get; }

    /// <summary>How many samples are disorders.</summary>
    public int PositiveCount { get; }

    /// <summary>How many samples are normal.</summary>
    public int NegativeCount { get; }

    /// <summary>How many samples there are.</summary>
    public int Count => Scores.Count;

    /// <summary>Fails clearly unless both classes are present (AUROC and the harmonic-mean rule need both).</summary>
    public void RequireBothClasses(string purpose)
    {
        if (PositiveCount == 0 || NegativeCount == 0)
        {
            throw new TrainerException($"{purpose} needs both normal and disorder samples; got {NegativeCount} normal and {PositiveCount} disorder.");
        }
    }
}

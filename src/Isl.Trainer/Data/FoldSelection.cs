using System.Security.Cryptography;
using System.Text;

namespace Isl.Trainer.Data;

/// <summary>
/// A deterministic k-fold split by item name: items are ordered by the SHA-256 of their name and dealt to folds
/// in turn, so every fold has the same size ±1 and the split does not depend on file order or machine.
/// </summary>
/// <param name="Folds">The number of folds, at least 2.</param>
/// <param name="Fold">The fold in question, 0-based.</param>
/// <param name="HeldOut">True to keep only that fold (evaluation); false to keep all other folds (training).</param>
public sealed record FoldSelection(int Folds, int Fold, bool HeldOut)
{
    /// <summary>Fails clearly on an impossible split.</summary>
    public void Validate()
    {
        if (Folds < 2 || Fold < 0 || Fold >= Folds)
        {
            throw new TrainerException($"Fold {Fold} of {Folds} is not a valid split: need at least 2 folds and 0 ≤ fold < folds.");
        }
    }

    /// <summary>The names of <paramref name="names"/> that this selection keeps.</summary>
    public ISet<string> Keep(IEnumerable<string> names)
    {
        Validate();
        var ordered = names.Distinct(StringComparer.Ordinal)
            .OrderBy(n => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(n))), StringComparer.Ordinal)
            .ToArray();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            if ((i % Folds == Fold) == HeldOut)
            {
                kept.Add(ordered[i]);
            }
        }

        return kept;
    }
}

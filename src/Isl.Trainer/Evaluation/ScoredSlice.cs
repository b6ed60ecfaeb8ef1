using Isl.Trainer.Data;

namespace Isl.Trainer.Evaluation;

/// <summary>A slice with the score a model gave it.</summary>
/// <param name="Entry">The slice.</param>
/// <param name="Score">Its disorder score (higher = more abnormal).</param>
public sealed record ScoredSlice(SliceEntry Entry, double Score);

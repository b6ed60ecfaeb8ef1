namespace Isl.Trainer.Data;

/// <summary>One row of a labels file.</summary>
/// <param name="RelativePath">The path as written in the file (relative to the labels file's folder).</param>
/// <param name="FullPath">The absolute path.</param>
/// <param name="Labels">One flag per label column (true = that disorder is present).</param>
/// <param name="LineNumber">The 1-based line of the row.</param>
public sealed record LabelledItem(string RelativePath, string FullPath, IReadOnlyList<bool> Labels, int LineNumber)
{
    /// <summary>True when any label column says disorder.</summary>
    public bool IsDisorder => Labels.Any(l => l);
}

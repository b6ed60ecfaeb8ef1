namespace Isl.Trainer.Data;

/// <summary>A parsed labels file: its label columns, its good rows and the rows it skipped.</summary>
/// <param name="LabelNames">The label columns after <c>path</c>, e.g. <c>hemorrhage</c>.</param>
/// <param name="Items">The rows that parsed.</param>
/// <param name="Problems">The rows that did not, with reasons.</param>
public sealed record LabelsTable(IReadOnlyList<string> LabelNames, IReadOnlyList<LabelledItem> Items, IReadOnlyList<InputProblem> Problems);

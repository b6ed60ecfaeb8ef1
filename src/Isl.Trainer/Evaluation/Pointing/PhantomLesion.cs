namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>One lesion of a phantom study, as its <c>labels.json</c> describes it.</summary>
/// <param name="MaskValue">The value its voxels carry in <c>mask.u8.gz</c>.</param>
/// <param name="Type">The lesion type slug (e.g. <c>subdural-hematoma</c>).</param>
/// <param name="Size">The size class: <c>small</c>, <c>medium</c> or <c>large</c>.</param>
/// <param name="IsVisible">True when the lesion reaches at least one of the study's slices (a short slab can miss it).</param>
/// <param name="IsPrimary">False for a lesion that only accompanies another (e.g. perilesional edema).</param>
public sealed record PhantomLesion(int MaskValue, string Type, string Size, bool IsVisible, bool IsPrimary);

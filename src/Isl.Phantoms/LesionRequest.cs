namespace Isl.Phantoms;

/// <summary>One lesion a study should carry; a missing size is drawn from the seed.</summary>
/// <param name="Type">The lesion type (not <see cref="LesionType.PerilesionalEdema"/>, which comes with a tumour).</param>
/// <param name="Size">Small, medium or large; null draws one.</param>
public sealed record LesionRequest(LesionType Type, LesionSize? Size = null);

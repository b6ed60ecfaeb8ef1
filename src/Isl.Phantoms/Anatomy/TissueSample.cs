namespace Isl.Phantoms.Anatomy;

/// <summary>The anatomy at one point: its class, attenuation and depth below the inner skull table.</summary>
/// <param name="Class">The tissue class.</param>
/// <param name="Hu">Hounsfield units before noise.</param>
/// <param name="CavityDepth">Millimetres inside the inner table (negative outside the cranial cavity).</param>
internal readonly record struct TissueSample(TissueClass Class, double Hu, double CavityDepth)
{
    public bool IsBrain => Class is TissueClass.GrayMatter or TissueClass.WhiteMatter or TissueClass.DeepGrayMatter or TissueClass.Brainstem or TissueClass.Cerebellum;

    public bool IsIntracranial => CavityDepth > 0;
}

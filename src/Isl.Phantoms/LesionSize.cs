namespace Isl.Phantoms;

/// <summary>Size class of a lesion; each type maps it to its own dimensions.</summary>
public enum LesionSize
{
    /// <summary>Subtle: a few millimetres, a few slices.</summary>
    Small,

    /// <summary>Obvious to a radiologist.</summary>
    Medium,

    /// <summary>Large, usually with mass effect.</summary>
    Large,
}

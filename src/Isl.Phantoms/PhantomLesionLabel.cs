namespace Isl.Phantoms;

/// <summary>The ground truth of one lesion in a generated study (one entry of labels.json).</summary>
public sealed record PhantomLesionLabel
{
    /// <summary>The value its voxels carry in the mask volume (1-based).</summary>
    public required int MaskValue { get; init; }

    /// <summary>The lesion type.</summary>
    public required LesionType Type { get; init; }

    /// <summary>The size class requested or drawn.</summary>
    public required LesionSize Size { get; init; }

    /// <summary>Where it is, in words ("left basal ganglia").</summary>
    public required string Location { get; init; }

    /// <summary>Volume of its mask (mL).</summary>
    public required double VolumeMl { get; init; }

    /// <summary>First InstanceNumber (1-based) whose mask holds it; 0 when it fell outside the slab.</summary>
    public required int FirstInstance { get; init; }

    /// <summary>Last InstanceNumber whose mask holds it; 0 when it fell outside the slab.</summary>
    public required int LastInstance { get; init; }

    /// <summary>Mean HU of the image over its mask (after blur and noise).</summary>
    public required double MeanHu { get; init; }

    /// <summary>Estimated midline shift caused by its mass effect (mm), when it has any.</summary>
    public double? MidlineShiftMm { get; init; }

    /// <summary>The lesion this one belongs to (edema → its tumour), by mask value.</summary>
    public int? ParentMaskValue { get; init; }
}

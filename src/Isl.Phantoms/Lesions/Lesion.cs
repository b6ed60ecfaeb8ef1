using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>
/// One disorder placed in model space. The generator asks each lesion where brain tissue came
/// from (mass effect), then whether a point belongs to it and what it attenuates there.
/// </summary>
internal abstract class Lesion
{
    protected Lesion(LesionType type, LesionSize size, string location, Point3 center)
    {
        Type = type;
        Size = size;
        Location = location;
        Center = center;
    }

    public LesionType Type { get; }

    public LesionSize Size { get; }

    public string Location { get; }

    /// <summary>Centre in model space (mm), used to place the slab and to report midline shift.</summary>
    public Point3 Center { get; }

    /// <summary>The value this lesion's voxels carry in the mask volume (1-based).</summary>
    public int MaskValue { get; set; }

    /// <summary>The mask value of the lesion this one belongs to (edema → its tumour), or null.</summary>
    public int? ParentMaskValue { get; set; }

    /// <summary>Changes the subject's anatomy before the head model is built (hydrocephalus, swelling).</summary>
    public virtual void ModifySubject(SubjectParameters subject)
    {
    }

    /// <summary>Where the brain tissue now at <paramref name="p"/> came from; the identity without mass effect.</summary>
    public virtual Point3 Displace(Point3 p, double cavityDepth) => p;

    /// <summary>True (and the attenuation) when <paramref name="p"/> with the underlying <paramref name="tissue"/> is lesion.</summary>
    public abstract bool TryApply(Point3 p, in TissueSample tissue, out double hu);

    /// <summary>Only this close to the centre can the lesion contain a point (mm); a cheap early exit.</summary>
    public abstract double BoundingRadius { get; }

    /// <summary>Taper that keeps the skull and the outer brain surface in place under mass effect.</summary>
    protected static double SkullTaper(double cavityDepth) => Shapes.SmoothStep(0, 12, cavityDepth);
}

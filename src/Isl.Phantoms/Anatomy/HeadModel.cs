using Isl.Phantoms.Lesions;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Anatomy;

/// <summary>
/// The procedural head of one subject in model space (x left, y anterior, z superior, mm). Bone,
/// scalp and the cavity are evaluated at the true point; everything inside the brain at the point
/// displaced by mass effect, so lesions push the ventricles and the falx.
/// </summary>
internal sealed class HeadModel
{
    private readonly SubjectParameters _subject;
    private readonly CranialCavity _cavity;
    private readonly BrainModel _brain;
    private readonly SkullBaseModel _skullBase;

    public HeadModel(SubjectParameters subject)
    {
        _subject = subject;
        _cavity = new CranialCavity(subject.Noise.Surface);
        _brain = new BrainModel(subject);
        _skullBase = new SkullBaseModel(subject);
    }

    public CranialCavity Cavity => _cavity;

    /// <summary>The anatomy at <paramref name="p"/>, with brain tissue moved by the lesions' mass effect.</summary>
    public TissueSample Evaluate(Point3 p, IReadOnlyList<Lesion> lesions)
    {
        if (Math.Abs(p.X) > 100 || Math.Abs(p.Y) > 112 || p.Z > 100 || p.Z < -100 || OutsideHeadBounds(p))
        {
            return new TissueSample(TissueClass.Air, -1000, -100);
        }

        var depth = _cavity.Depth(p);
        if (depth > 0)
        {
            var displaced = p;
            foreach (var lesion in lesions)
            {
                displaced = lesion.Displace(displaced, depth);
            }

            var brainDepth = displaced == p ? depth : Math.Min(_cavity.Depth(displaced), depth + 30);
            return _brain.Evaluate(displaced, Math.Max(brainDepth, 0.01), depth);
        }

        var thickness = SkullThickness(p);
        if (depth > -thickness)
        {
            return new TissueSample(TissueClass.Bone, BoneHu(p, -depth / thickness), depth);
        }

        var vaultDepth = _cavity.VaultDepth(p);
        var scalpOuter = vaultDepth + thickness + ScalpThickness(p);
        var lowerOuter = LowerOutlineDepth(p);
        if (scalpOuter <= 0 && lowerOuter <= 0)
        {
            return new TissueSample(TissueClass.Air, -1000, depth);
        }

        if (vaultDepth > -thickness || (scalpOuter < lowerOuter && lowerOuter > 5.5))
        {
            return _skullBase.Evaluate(p, depth, thickness);
        }

        if (scalpOuter >= lowerOuter)
        {
            return Scalp(p, -vaultDepth - thickness, ScalpThickness(p), depth);
        }

        return lowerOuter < 1.5
            ? new TissueSample(TissueClass.Skin, _subject.SoftTissueHu - 5, depth)
            : new TissueSample(TissueClass.Fat, _subject.FatHu, depth);
    }

    /// <summary>A cheap conservative test: true only where no head can be (beyond the largest scalp).</summary>
    private static bool OutsideHeadBounds(Point3 p)
    {
        var nx = p.X / 92;
        var ny = p.Y / (p.Y > 0 ? 104 : 112);
        var nz = p.Z > 0 ? p.Z / 96 : 0;
        return (nx * nx) + (ny * ny) + (nz * nz) > 1;
    }

    private double SkullThickness(Point3 p)
    {
        var variation = 1 + (0.14 * _subject.Noise.Bone.Sample(p, 45));
        var temporalThinning = 1 - (0.3 * Shapes.SmoothStep(40, 62, Math.Abs(p.X)) * Shapes.SmoothStep(35, 0, Math.Abs(p.Z + 8)));
        var occipitalThickening = 1 + (0.15 * Shapes.SmoothStep(-55, -85, p.Y));
        var orbitalRoofThinning = 1 - (0.6 * Shapes.SmoothStep(22, 32, p.Y) * Shapes.SmoothStep(-6, -14, p.Z));
        return _subject.SkullThicknessMm * variation * temporalThinning * occipitalThickening * orbitalRoofThinning;
    }

    private double BoneHu(Point3 p, double fractionOut)
    {
        var inner = _subject.InnerTableFraction;
        var outer = 1 - _subject.OuterTableFraction;
        if (fractionOut < inner || fractionOut > outer)
        {
            return _subject.CorticalBoneHu + (80 * _subject.Noise.Bone.Sample(p, 3));
        }

        var marrow = _subject.Noise.Bone.Sample(p, 1.6);
        return _subject.DiploeHu + (260 * marrow);
    }

    private double ScalpThickness(Point3 p)
    {
        var temporalis = 6 * Shapes.SmoothStep(35, 58, Math.Abs(p.X)) * Shapes.SmoothStep(45, 5, p.Z) * Shapes.SmoothStep(-60, -20, p.Y);
        return _subject.ScalpThicknessMm + temporalis;
    }

    private TissueSample Scalp(Point3 p, double outward, double scalp, double depth)
    {
        var fromSkin = scalp - outward;
        if (fromSkin < 1.4)
        {
            return new TissueSample(TissueClass.Skin, _subject.SoftTissueHu - 5, depth);
        }

        var fat = Math.Max(1.2, (_subject.ScalpThicknessMm - 2.4) * _subject.ScalpFatFraction);
        return fromSkin < 1.4 + fat
            ? new TissueSample(TissueClass.Fat, _subject.FatHu + (8 * _subject.Noise.Texture.Sample(p, 2)), depth)
            : new TissueSample(TissueClass.SoftTissue, _subject.SoftTissueHu, depth);
    }

    /// <summary>Depth inside the face and neck outline below the vault (mm).</summary>
    private static double LowerOutlineDepth(Point3 p)
    {
        if (p.Z > -5)
        {
            return -100;
        }

        var semiX = 80 - (0.12 * Math.Max(0, -40 - p.Z));
        var semiY = p.Y >= 0 ? 92 : 97;
        var nx = p.X / semiX;
        var ny = p.Y / semiY;
        var r = Math.Sqrt((nx * nx) + (ny * ny));
        var planar = Math.Sqrt((p.X * p.X) + (p.Y * p.Y));
        var depth = r < 1e-9 ? semiX : (planar / r) - planar;
        return depth - (2.5 * Math.Max(0, p.Z + 15));
    }
}

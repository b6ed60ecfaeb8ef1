using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>A solid mass (necrotic centre when large) whose edema and bulk shift the midline.</summary>
internal sealed class Tumor : SpaceOccupyingLesion
{
    private readonly double _solidHu;
    private readonly bool _necrotic;

    public Tumor(LesionSize size, string location, Point3 center, SeededRandom random)
        : base(LesionType.Tumor, size, location, center, Sizes(size).Radius, 0.22, Sizes(size).Radius + (0.55 * Sizes(size).Edema), random)
    {
        _solidHu = random.Uniform(40, 46);
        _necrotic = size == LesionSize.Large && random.Chance(0.6);
        EdemaWidth = Sizes(size).Edema * random.Uniform(0.85, 1.15);
    }

    public double EdemaWidth { get; }

    public override bool TryApply(Point3 p, in TissueSample tissue, out double hu)
    {
        hu = 0;
        if (!tissue.IsIntracranial)
        {
            return false;
        }

        var relative = RelativeRadius(p);
        if (relative >= 1)
        {
            return false;
        }

        hu = _necrotic && relative < 0.45 ? 22 + (3 * Texture(p, 4)) : _solidHu + (3 * Texture(p, 2.5));
        return true;
    }

    private static (double Radius, double Edema) Sizes(LesionSize size) => size switch
    {
        LesionSize.Small => (6, 6),
        LesionSize.Medium => (12, 14),
        _ => (19, 22),
    };
}

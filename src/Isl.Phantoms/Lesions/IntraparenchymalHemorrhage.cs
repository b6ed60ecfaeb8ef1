using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>A hyperdense clot in the parenchyma with a thin hypodense rim and mass effect when large.</summary>
internal sealed class IntraparenchymalHemorrhage : SpaceOccupyingLesion
{
    private readonly double _clotHu;

    public IntraparenchymalHemorrhage(LesionSize size, string location, Point3 center, SeededRandom random)
        : base(LesionType.IntraparenchymalHemorrhage, size, location, center, Sizes(size), 0.18, size == LesionSize.Small ? 0 : Sizes(size) * 0.9, random)
    {
        _clotHu = random.Uniform(66, 80);
    }

    public override bool TryApply(Point3 p, in TissueSample tissue, out double hu)
    {
        hu = 0;
        if (!tissue.IsIntracranial)
        {
            return false;
        }

        var relative = RelativeRadius(p);
        if (relative < 1)
        {
            hu = _clotHu + (4 * Texture(p, 3));
            return true;
        }

        return false;
    }

    private static double Sizes(LesionSize size) => size switch
    {
        LesionSize.Small => 5,
        LesionSize.Medium => 11,
        _ => 18,
    };
}

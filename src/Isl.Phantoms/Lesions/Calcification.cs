using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>A dense parenchymal calcification.</summary>
internal sealed class Calcification : SpaceOccupyingLesion
{
    private readonly double _peakHu;

    public Calcification(LesionSize size, string location, Point3 center, SeededRandom random)
        : base(LesionType.Calcification, size, location, center, size switch { LesionSize.Small => 2.2, LesionSize.Medium => 3.8, _ => 6.5 }, 0.25, 0, random)
    {
        _peakHu = random.Uniform(450, 800);
    }

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

        hu = _peakHu * (1 - (0.35 * relative * relative));
        return true;
    }
}

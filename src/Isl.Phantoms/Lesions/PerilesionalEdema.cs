using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>Finger-like vasogenic edema spreading through the white matter around a tumour.</summary>
internal sealed class PerilesionalEdema : Lesion
{
    private readonly Tumor _tumor;
    private readonly PerlinNoise _spread;
    private readonly double _edemaHu;

    public PerilesionalEdema(Tumor tumor, SeededRandom random)
        : base(LesionType.PerilesionalEdema, tumor.Size, tumor.Location, tumor.Center)
    {
        _tumor = tumor;
        _spread = new PerlinNoise(random.Fork(21));
        _edemaHu = random.Uniform(17, 21);
    }

    public override double BoundingRadius => (_tumor.Radius * 1.3) + (_tumor.EdemaWidth * 1.4) + 1;

    public override bool TryApply(Point3 p, in TissueSample tissue, out double hu)
    {
        hu = 0;
        if (tissue.Class is not (TissueClass.WhiteMatter or TissueClass.DeepGrayMatter))
        {
            return false;
        }

        var r = (p - Center).Length;
        var reach = (_tumor.Radius * 1.15) + (_tumor.EdemaWidth * (1 + (0.4 * _spread.Sample(p, 9))));
        if (r >= reach || _tumor.RelativeRadius(p) < 1)
        {
            return false;
        }

        hu = _edemaHu + (1.5 * _spread.Sample(p, 3));
        return true;
    }
}

using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>Blood filling the sulci, fissures and cisterns within a region around a source.</summary>
internal sealed class SubarachnoidHemorrhage : Lesion
{
    private readonly double _radius;
    private readonly double _bloodHu;
    private readonly bool _cisterns;
    private readonly PerlinNoise _extent;

    public SubarachnoidHemorrhage(LesionSize size, string location, Point3 center, SeededRandom random)
        : base(LesionType.SubarachnoidHemorrhage, size, location, center)
    {
        _radius = size switch { LesionSize.Small => 16, LesionSize.Medium => 28, _ => 42 };
        _cisterns = size == LesionSize.Large;
        _bloodHu = random.Uniform(62, 76);
        _extent = new PerlinNoise(random.Fork(41));
    }

    public override double BoundingRadius => _cisterns ? double.PositiveInfinity : _radius * 1.3;

    public override bool TryApply(Point3 p, in TissueSample tissue, out double hu)
    {
        hu = 0;
        if (tissue.Class != TissueClass.ExternalCsf)
        {
            return false;
        }

        var reach = _radius * (1 + (0.25 * _extent.Sample(p, 15)));
        var nearSource = (p - Center).Length < reach;
        var inBasalCisterns = _cisterns && p.Z is > -30 and < 0 && Math.Abs(p.X) < 30 && p.Y is > -35 and < 20;
        if (!nearSource && !inBasalCisterns)
        {
            return false;
        }

        hu = _bloodHu;
        return true;
    }
}

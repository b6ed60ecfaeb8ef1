using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>
/// Blood between skull and brain centred on a surface direction: its thickness profile over the
/// angle from that direction makes a crescent (subdural) or a biconvex lens (epidural). The brain
/// under it is pushed inward.
/// </summary>
internal sealed class ExtraAxialHematoma : Lesion
{
    private readonly Point3 _direction;
    private readonly double _maxThickness;
    private readonly double _halfAngle;
    private readonly double _profileExponent;
    private readonly double _bloodHu;
    private readonly double _falloffMm;
    private readonly PerlinNoise _texture;

    public ExtraAxialHematoma(LesionType type, LesionSize size, string location, Point3 direction, CranialCavity cavity, SeededRandom random)
        : base(type, size, location, SurfacePoint(direction, cavity))
    {
        var subdural = type == LesionType.SubduralHematoma;
        _direction = direction.Normalized();
        (_maxThickness, _halfAngle) = (subdural, size) switch
        {
            (true, LesionSize.Small) => (3.5, 40.0),
            (true, LesionSize.Medium) => (7.5, 58.0),
            (true, _) => (13.0, 72.0),
            (false, LesionSize.Small) => (6.0, 17.0),
            (false, LesionSize.Medium) => (12.0, 24.0),
            _ => (19.0, 31.0),
        };
        _maxThickness *= random.Uniform(0.9, 1.1);
        _halfAngle *= Math.PI / 180;
        _profileExponent = subdural ? 0.3 : 0.5;
        _bloodHu = subdural ? random.Uniform(60, 72) : random.Uniform(64, 78);
        _falloffMm = 75;
        _texture = new PerlinNoise(random.Fork(31));
        SurfaceRadius = (Center - new Point3(0, 0, 0)).Length;
    }

    public double SurfaceRadius { get; }

    public override double BoundingRadius => (SurfaceRadius * 2 * Math.Sin(_halfAngle / 2)) + _maxThickness + 2;

    public double MidlineShiftMm
    {
        get
        {
            var midline = new Point3(0, Center.Y * 0.6, Center.Z * 0.6);
            return Math.Abs(Shift(midline) * _direction.X);
        }
    }

    public override Point3 Displace(Point3 p, double cavityDepth) => p + (_direction * Shift(p));

    public override bool TryApply(Point3 p, in TissueSample tissue, out double hu)
    {
        hu = 0;
        if (!tissue.IsIntracranial || tissue.CavityDepth > _maxThickness || !CranialCavity.IsSupratentorial(p))
        {
            return false;
        }

        var thickness = Thickness(p);
        if (tissue.CavityDepth >= thickness)
        {
            return false;
        }

        hu = _bloodHu + (3 * _texture.Sample(p, 3));
        return true;
    }

    private double Thickness(Point3 p)
    {
        var cos = p.Normalized().Dot(_direction);
        var angle = Math.Acos(Math.Clamp(cos, -1, 1));
        if (angle >= _halfAngle)
        {
            return 0;
        }

        var u = angle / _halfAngle;
        return _maxThickness * Math.Pow(1 - (u * u), _profileExponent);
    }

    private double Shift(Point3 p)
    {
        var distance = (p - Center).Length;
        return _maxThickness * Math.Exp(-(distance / _falloffMm) * (distance / _falloffMm));
    }

    private static Point3 SurfacePoint(Point3 direction, CranialCavity cavity)
    {
        var unit = direction.Normalized();
        var probe = unit * 40;
        return unit * (40 + cavity.Depth(probe));
    }
}

using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>A roughly spherical lesion with a lobulated border that pushes the brain aside.</summary>
internal abstract class SpaceOccupyingLesion : Lesion
{
    private readonly PerlinNoise _border;
    private readonly double _lobulation;

    protected SpaceOccupyingLesion(LesionType type, LesionSize size, string location, Point3 center, double radius, double lobulation, double massRadius, SeededRandom random)
        : base(type, size, location, center)
    {
        Radius = radius;
        MassRadius = massRadius;
        _lobulation = lobulation;
        _border = new PerlinNoise(random.Fork(11));
    }

    public double Radius { get; }

    /// <summary>Radius of the sphere whose volume displaces tissue (lesion plus edema).</summary>
    public double MassRadius { get; }

    public override double BoundingRadius => Radius * (1 + (1.2 * _lobulation)) + 1;

    public double MidlineShiftMm => Math.Abs(MassEffect.MidlineShift(Center, MassRadius, 0.8));

    public override Point3 Displace(Point3 p, double cavityDepth) =>
        MassRadius <= 0 ? p : MassEffect.SourceOf(p, Center, MassRadius, 0.8, SkullTaper(cavityDepth));

    /// <summary>Distance from the centre relative to the local lobulated border: &lt; 1 inside.</summary>
    public double RelativeRadius(Point3 p)
    {
        var offset = p - Center;
        var r = offset.Length;
        if (r > BoundingRadius)
        {
            return double.PositiveInfinity;
        }

        if (r < 1e-6)
        {
            return 0;
        }

        var border = Radius * (1 + (_lobulation * _border.Sample(offset.X / r * 1.8, offset.Y / r * 1.8, offset.Z / r * 1.8)));
        return r / border;
    }

    protected double Texture(Point3 p, double scaleMm) => _border.Sample(p, scaleMm);
}

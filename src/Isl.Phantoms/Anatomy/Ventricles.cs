using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Anatomy;

/// <summary>The ventricular system as unions of ellipsoids, scaled for atrophy or hydrocephalus.</summary>
internal sealed class Ventricles
{
    private readonly (Point3 Center, Point3 Semi)[] _lateral;
    private readonly (Point3 Center, Point3 Semi) _third;
    private readonly (Point3 Center, Point3 Semi) _fourth;

    public Ventricles(double scale)
    {
        Scale = scale;
        var parts = new List<(Point3, Point3)>();
        foreach (var side in new[] { -1.0, 1.0 })
        {
            parts.Add(Part(side, new Point3(7.5, 17, 11), new Point3(5.5, 13, 8), scale));
            parts.Add(Part(side, new Point3(9.5, -4, 17), new Point3(6, 20, 6), scale));
            parts.Add(Part(side, new Point3(16, -27, 10), new Point3(8, 10, 9), scale));
            parts.Add(Part(side, new Point3(15, -42, 8), new Point3(4, 11, 4.5), scale));
            parts.Add(Part(side, new Point3(28, -9, -16), new Point3(2.8, 13, 3.5), scale * Math.Max(1, scale)));
        }

        _lateral = [.. parts];
        _third = (new Point3(0, -3, -2), new Point3(2.2 * scale * scale, 13, 9));
        _fourth = (new Point3(0, -33, -36), new Point3(6 * scale, 4.5 * scale, 7));
    }

    public double Scale { get; }

    /// <summary>Depth (mm) inside the ventricles: positive inside, the largest over all parts.</summary>
    public double Depth(Point3 p)
    {
        var best = double.NegativeInfinity;
        foreach (var (center, semi) in _lateral)
        {
            if (Math.Abs(p.Y - center.Y) > semi.Y + 6 || Math.Abs(p.Z - center.Z) > semi.Z + 6)
            {
                continue;
            }

            best = Math.Max(best, Shapes.EllipsoidDepth(p, center, semi));
        }

        best = Math.Max(best, Shapes.EllipsoidDepth(p, _third.Center, _third.Semi));
        return Math.Max(best, Shapes.EllipsoidDepth(p, _fourth.Center, _fourth.Semi));
    }

    /// <summary>The trigone centres (where choroid plexus calcifies).</summary>
    public Point3 Atrium(double side) => new(side * 16 * Scale, -27, 10);

    private static (Point3, Point3) Part(double side, Point3 center, Point3 semi, double scale) =>
        (new Point3(side * center.X * scale, center.Y * (1 + ((scale - 1) * 0.25)), center.Z + ((scale - 1) * 3)), new Point3(semi.X * scale, semi.Y * Math.Sqrt(scale), semi.Z * scale));
}

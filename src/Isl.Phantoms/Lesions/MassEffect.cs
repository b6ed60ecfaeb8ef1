using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>Volume-conserving radial displacement around a space-occupying sphere.</summary>
internal static class MassEffect
{
    /// <summary>
    /// Inserting a sphere of radius <paramref name="radius"/> pushes the tissue at distance r out to
    /// r' with r'³ = r³ + k·R³; so the tissue now at r came from cbrt(r³ − k·R³).
    /// </summary>
    public static Point3 SourceOf(Point3 p, Point3 center, double radius, double compliance, double taper)
    {
        if (taper <= 0)
        {
            return p;
        }

        var offset = p - center;
        var r = offset.Length;
        if (r < 1e-6)
        {
            return p;
        }

        var pushed = compliance * radius * radius * radius;
        var cubed = (r * r * r) - pushed;
        var source = cubed > 0 ? Math.Cbrt(cubed) : 0;
        var moved = center + (offset * (source / r));
        return p + ((moved - p) * taper);
    }

    /// <summary>The displacement (mm) along x at the midline at the centre's height and depth.</summary>
    public static double MidlineShift(Point3 center, double radius, double compliance)
    {
        var midline = new Point3(0, center.Y, center.Z);
        var r = Math.Max(Math.Abs(center.X), radius + 1);
        var source = Math.Cbrt(Math.Max((r * r * r) - (compliance * radius * radius * radius), 0));
        return (r - source) * (midline.X - center.X < 0 ? -1 : 1);
    }
}

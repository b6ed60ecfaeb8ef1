namespace Isl.Phantoms.Mathematics;

/// <summary>Small shape helpers shared by the anatomy and the lesions.</summary>
internal static class Shapes
{
    /// <summary>Normalised ellipsoid radius: &lt; 1 inside.</summary>
    public static double EllipsoidRadius(Point3 p, Point3 center, Point3 semiAxes)
    {
        var dx = (p.X - center.X) / semiAxes.X;
        var dy = (p.Y - center.Y) / semiAxes.Y;
        var dz = (p.Z - center.Z) / semiAxes.Z;
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }

    /// <summary>Approximate signed depth (mm) inside an ellipsoid: positive inside.</summary>
    public static double EllipsoidDepth(Point3 p, Point3 center, Point3 semiAxes)
    {
        var r = EllipsoidRadius(p, center, semiAxes);
        var minAxis = Math.Min(semiAxes.X, Math.Min(semiAxes.Y, semiAxes.Z));
        if (r < 1e-9)
        {
            return minAxis;
        }

        var distance = (p - center).Length;
        return (distance / r) - distance;
    }

    public static double SmoothStep(double edge0, double edge1, double x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - (2 * t));
    }

    public static double Lerp(double a, double b, double t) => a + ((b - a) * t);
}

namespace Isl.Phantoms.Mathematics;

/// <summary>A point or vector in millimetres (double precision, so results do not depend on evaluation order).</summary>
internal readonly record struct Point3(double X, double Y, double Z)
{
    public static Point3 operator +(Point3 a, Point3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Point3 operator -(Point3 a, Point3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Point3 operator *(Point3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    public double Dot(Point3 other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    public Point3 Normalized()
    {
        var length = Length;
        return length > 1e-12 ? this * (1 / length) : new Point3(0, 0, 1);
    }
}

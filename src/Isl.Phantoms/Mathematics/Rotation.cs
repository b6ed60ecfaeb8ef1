namespace Isl.Phantoms.Mathematics;

/// <summary>A 3×3 rotation matrix (row-major).</summary>
internal readonly struct Rotation
{
    private readonly double _m00, _m01, _m02, _m10, _m11, _m12, _m20, _m21, _m22;

    private Rotation(double m00, double m01, double m02, double m10, double m11, double m12, double m20, double m21, double m22)
    {
        (_m00, _m01, _m02, _m10, _m11, _m12, _m20, _m21, _m22) = (m00, m01, m02, m10, m11, m12, m20, m21, m22);
    }

    /// <summary>Yaw about z, then pitch about x, then roll about y (degrees).</summary>
    public static Rotation FromYawPitchRoll(double yawDeg, double pitchDeg, double rollDeg)
    {
        var (sy, cy) = Math.SinCos(yawDeg * Math.PI / 180);
        var (sp, cp) = Math.SinCos(pitchDeg * Math.PI / 180);
        var (sr, cr) = Math.SinCos(rollDeg * Math.PI / 180);
        var yaw = new Rotation(cy, -sy, 0, sy, cy, 0, 0, 0, 1);
        var pitch = new Rotation(1, 0, 0, 0, cp, -sp, 0, sp, cp);
        var roll = new Rotation(cr, 0, sr, 0, 1, 0, -sr, 0, cr);
        return roll.Multiply(pitch).Multiply(yaw);
    }

    public Point3 Apply(Point3 p) => new(
        (_m00 * p.X) + (_m01 * p.Y) + (_m02 * p.Z),
        (_m10 * p.X) + (_m11 * p.Y) + (_m12 * p.Z),
        (_m20 * p.X) + (_m21 * p.Y) + (_m22 * p.Z));

    public Point3 ApplyInverse(Point3 p) => new(
        (_m00 * p.X) + (_m10 * p.Y) + (_m20 * p.Z),
        (_m01 * p.X) + (_m11 * p.Y) + (_m21 * p.Z),
        (_m02 * p.X) + (_m12 * p.Y) + (_m22 * p.Z));

    private Rotation Multiply(Rotation o) => new(
        (_m00 * o._m00) + (_m01 * o._m10) + (_m02 * o._m20), (_m00 * o._m01) + (_m01 * o._m11) + (_m02 * o._m21), (_m00 * o._m02) + (_m01 * o._m12) + (_m02 * o._m22),
        (_m10 * o._m00) + (_m11 * o._m10) + (_m12 * o._m20), (_m10 * o._m01) + (_m11 * o._m11) + (_m12 * o._m21), (_m10 * o._m02) + (_m11 * o._m12) + (_m12 * o._m22),
        (_m20 * o._m00) + (_m21 * o._m10) + (_m22 * o._m20), (_m20 * o._m01) + (_m21 * o._m11) + (_m22 * o._m21), (_m20 * o._m02) + (_m21 * o._m12) + (_m22 * o._m22));
}

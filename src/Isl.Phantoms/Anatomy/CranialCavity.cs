using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Anatomy;

/// <summary>
/// The inner skull surface of the standard head (model space: x left, y anterior, z superior, mm,
/// origin near the foramen of Monro): a perturbed egg-shaped vault cut by the floor of the anterior
/// and middle fossae, joined to the posterior fossa and the foramen magnum.
/// </summary>
internal sealed class CranialCavity
{
    private const double LateralSemi = 66;
    private const double AnteriorSemi = 80;
    private const double PosteriorSemi = 88;
    private const double SuperiorSemi = 68;
    private const double InferiorSemi = 60;
    private static readonly Point3 PosteriorFossaCenter = new(0, -40, -37);
    private static readonly Point3 PosteriorFossaSemi = new(57, 40, 24);
    private readonly PerlinNoise _surface;

    public CranialCavity(PerlinNoise surface)
    {
        _surface = surface;
    }

    /// <summary>Signed depth (mm) below the inner table; positive inside the cavity.</summary>
    public double Depth(Point3 p) => Math.Max(Math.Max(CerebralDepth(p), PosteriorFossaDepth(p)), ForamenMagnumDepth(p));

    /// <summary>Depth inside the uncut vault ellipsoid (ignores the skull base floor).</summary>
    public double VaultDepth(Point3 p)
    {
        var sy = p.Y >= 0 ? AnteriorSemi : PosteriorSemi;
        var sz = p.Z >= 0 ? SuperiorSemi : InferiorSemi;
        var nx = p.X / LateralSemi;
        var ny = p.Y / sy;
        var nz = p.Z / sz;
        var r = Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
        var distance = p.Length;
        if (r < 1e-9)
        {
            return LateralSemi;
        }

        var bump = 1 + (0.025 * _surface.Sample(p.X / distance * 2.2, p.Y / distance * 2.2, p.Z / distance * 2.2));
        return (distance / r * bump) - distance;
    }

    /// <summary>True where a point belongs to the supratentorial compartment (above fossa floor and tentorium).</summary>
    public static bool IsSupratentorial(Point3 p) => p.Z > Floor(p.X, p.Y);

    /// <summary>Height of the tentorium (mm) above a point of the axial plane.</summary>
    public static double Tentorium(double x, double y) => -8 + (0.32 * Math.Min(0, y + 14)) - (0.12 * Math.Abs(x));

    /// <summary>The floor under the cerebrum: anterior fossa, sella, middle fossa, then the tentorium.</summary>
    public static double Floor(double x, double y)
    {
        var ax = Math.Abs(x);
        var anterior = -22 + (11 * Shapes.SmoothStep(6, 30, ax));
        var middle = Shapes.Lerp(-30, -46, Shapes.SmoothStep(14, 28, ax));
        var ridge = 16 + (0.22 * ax);
        var front = Shapes.Lerp(middle, anterior, Shapes.SmoothStep(ridge - 5, ridge + 6, y));
        var petrousRidge = -2 - (0.75 * Math.Max(0, ax - 10));
        var posteriorWeight = Shapes.SmoothStep(petrousRidge + 3, petrousRidge - 12, y);
        return Shapes.Lerp(front, Tentorium(x, y), posteriorWeight);
    }

    private double CerebralDepth(Point3 p) => Math.Min(VaultDepth(p), p.Z - Floor(p.X, p.Y) - (2.5 * _surface.Sample(p.X / 9, p.Y / 9, 7.5)));

    private static double PosteriorFossaDepth(Point3 p) => Shapes.EllipsoidDepth(p, PosteriorFossaCenter, PosteriorFossaSemi);

    /// <summary>The channel of the brainstem: foramen magnum below, tentorial incisura above.</summary>
    private static double ForamenMagnumDepth(Point3 p)
    {
        var foramen = Math.Min(15 - Math.Sqrt((p.X * p.X) + ((p.Y + 22) * (p.Y + 22))), -40 - p.Z);
        var incisura = Math.Min(Math.Min(17 - Math.Sqrt((p.X * p.X) + ((p.Y + 14) * (p.Y + 14))), -4 - p.Z), p.Z + 45);
        return Math.Max(foramen, incisura);
    }
}

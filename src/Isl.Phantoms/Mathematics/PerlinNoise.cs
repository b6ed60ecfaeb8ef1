namespace Isl.Phantoms.Mathematics;

/// <summary>Seeded 3D gradient noise (improved Perlin), values roughly in [-1, 1].</summary>
internal sealed class PerlinNoise
{
    private readonly int[] _perm = new int[512];

    public PerlinNoise(SeededRandom random)
    {
        var p = new int[256];
        for (var i = 0; i < 256; i++)
        {
            p[i] = i;
        }

        for (var i = 255; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }

        for (var i = 0; i < 512; i++)
        {
            _perm[i] = p[i & 255];
        }
    }

    public double Sample(double x, double y, double z)
    {
        var xf = Math.Floor(x);
        var yf = Math.Floor(y);
        var zf = Math.Floor(z);
        var xi = (int)xf & 255;
        var yi = (int)yf & 255;
        var zi = (int)zf & 255;
        x -= xf;
        y -= yf;
        z -= zf;
        var u = Fade(x);
        var v = Fade(y);
        var w = Fade(z);
        var p = _perm;
        var a = p[xi] + yi;
        var aa = p[a] + zi;
        var ab = p[a + 1] + zi;
        var b = p[xi + 1] + yi;
        var ba = p[b] + zi;
        var bb = p[b + 1] + zi;
        return Lerp(w,
            Lerp(v, Lerp(u, Grad(p[aa], x, y, z), Grad(p[ba], x - 1, y, z)), Lerp(u, Grad(p[ab], x, y - 1, z), Grad(p[bb], x - 1, y - 1, z))),
            Lerp(v, Lerp(u, Grad(p[aa + 1], x, y, z - 1), Grad(p[ba + 1], x - 1, y, z - 1)), Lerp(u, Grad(p[ab + 1], x, y - 1, z - 1), Grad(p[bb + 1], x - 1, y - 1, z - 1))));
    }

    /// <summary>Noise at <paramref name="p"/> (mm) with features about <paramref name="scaleMm"/> wide.</summary>
    public double Sample(Point3 p, double scaleMm) => Sample(p.X / scaleMm, p.Y / scaleMm, p.Z / scaleMm);

    private static double Fade(double t) => t * t * t * ((t * ((t * 6) - 15)) + 10);

    private static double Lerp(double t, double a, double b) => a + (t * (b - a));

    private static double Grad(int hash, double x, double y, double z)
    {
        var h = hash & 15;
        var u = h < 8 ? x : y;
        var v = h < 4 ? y : (h == 12 || h == 14 ? x : z);
        return ((h & 1) == 0 ? u : -u) + ((h & 2) == 0 ? v : -v);
    }
}

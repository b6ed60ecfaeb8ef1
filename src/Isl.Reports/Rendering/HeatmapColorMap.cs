namespace Isl.Reports.Rendering;

/// <summary>A jet-like ramp: blue (low) → cyan → green → yellow → red (high).</summary>
internal static class HeatmapColorMap
{
    private static readonly (double At, byte R, byte G, byte B)[] Stops =
    [
        (0.0, 0, 0, 255),
        (0.35, 0, 255, 255),
        (0.5, 0, 255, 0),
        (0.65, 255, 255, 0),
        (1.0, 255, 0, 0),
    ];

    public static (byte R, byte G, byte B) At(double value)
    {
        value = Math.Clamp(value, 0, 1);
        for (var i = 1; i < Stops.Length; i++)
        {
            if (value <= Stops[i].At)
            {
                var (a, b) = (Stops[i - 1], Stops[i]);
                var t = (value - a.At) / (b.At - a.At);
                return (Lerp(a.R, b.R, t), Lerp(a.G, b.G, t), Lerp(a.B, b.B, t));
            }
        }

        return (Stops[^1].R, Stops[^1].G, Stops[^1].B);
    }

    private static byte Lerp(byte from, byte to, double t) => (byte)Math.Round(from + ((to - from) * t));
}

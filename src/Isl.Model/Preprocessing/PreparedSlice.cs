namespace Isl.Model.Preprocessing;

/// <summary>A slice ready for the networks: channels × size × size in [0, 1] (zero outside the head), and its effective-area mask (size × size).</summary>
/// <param name="Pixels">Channel-major values.</param>
/// <param name="Mask">1 inside the effective area: the head (the paper) or the intracranial region, per the bundle's settings.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="Size">Square size.</param>
public sealed record PreparedSlice(float[] Pixels, float[] Mask, int Channels, int Size)
{
    /// <summary>The share of the image inside the effective area.</summary>
    public double AreaFraction => FractionInside(Mask);

    /// <summary>The share of <paramref name="mask"/>'s pixels that are inside (above 0.5).</summary>
    public static double FractionInside(ReadOnlySpan<float> mask)
    {
        var inside = 0;
        foreach (var m in mask)
        {
            inside += m > 0.5f ? 1 : 0;
        }

        return mask.Length == 0 ? 0 : (double)inside / mask.Length;
    }
}

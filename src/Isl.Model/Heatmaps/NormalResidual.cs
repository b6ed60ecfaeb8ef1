using System.Runtime.InteropServices;

namespace Isl.Model.Heatmaps;

/// <summary>
/// How large the difference image normally is: per pixel position, the mean and spread of the smoothed channel-mean
/// x_dif over disorder-free slices, inside their effective area. A calibrated heatmap is the excess over this (a
/// z-score), so a normal slice stays nearly empty and a lesion stands out. Stored in the bundle as
/// <see cref="FileName"/>: little-endian int32 size, int32 slice count, then size² means and size² spreads (float32).
/// </summary>
public sealed class NormalResidual
{
    /// <summary>The bundle file name.</summary>
    public const string FileName = "normal_residual.bin";

    // A position seen in fewer slices than this takes the area-wide figures.
    private const int MinimumCount = 5;

    /// <summary>Creates the statistics.</summary>
    public NormalResidual(float[] mean, float[] spread, int size, int slices)
    {
        if (size < 1 || mean.Length != size * size || spread.Length != size * size || slices < 1)
        {
            throw new IslModelException($"Normal residual statistics need {size}² means and spreads from at least one slice.");
        }

        if (mean.Any(v => !float.IsFinite(v)) || spread.Any(v => !float.IsFinite(v) || v <= 0))
        {
            throw new IslModelException("Normal residual statistics must be finite with positive spreads.");
        }

        Mean = mean;
        Spread = spread;
        Size = size;
        Slices = slices;
    }

    /// <summary>Per-pixel mean of the smoothed x_dif.</summary>
    public float[] Mean { get; }

    /// <summary>Per-pixel spread (standard deviation, floored) of the smoothed x_dif.</summary>
    public float[] Spread { get; }

    /// <summary>Side length.</summary>
    public int Size { get; }

    /// <summary>How many normal slices the figures come from.</summary>
    public int Slices { get; }

    /// <summary>
    /// Fits the statistics to smoothed difference maps (size² each) and their effective-area masks. Per position:
    /// positions seen in few slices take the area-wide mean and spread; every spread is floored at half the area-wide
    /// median so that a position that happens to vary little cannot light up on noise. With
    /// <paramref name="perPosition"/> false every position takes the area-wide mean and spread.
    /// </summary>
    public static NormalResidual Fit(IReadOnlyList<float[]> maps, IReadOnlyList<float[]> masks, int size, bool perPosition = true)
    {
        if (maps.Count == 0 || maps.Count != masks.Count)
        {
            throw new IslModelException("Fitting normal residual statistics needs at least one slice with its mask.");
        }

        var n = size * size;
        var sum = new double[n];
        var squares = new double[n];
        var count = new int[n];
        double allSum = 0, allSquares = 0;
        long allCount = 0;
        for (var k = 0; k < maps.Count; k++)
        {
            for (var p = 0; p < n; p++)
            {
                if (masks[k][p] <= 0.5f)
                {
                    continue;
                }

                double v = maps[k][p];
                sum[p] += v;
                squares[p] += v * v;
                count[p]++;
                allSum += v;
                allSquares += v * v;
                allCount++;
            }
        }

        if (allCount == 0)
        {
            throw new IslModelException("None of the normal slices has an effective area: nothing to fit.");
        }

        var areaMean = allSum / allCount;
        var areaSpread = Math.Sqrt(Math.Max(0, (allSquares / allCount) - (areaMean * areaMean)));
        var mean = new float[n];
        var spread = new float[n];
        var spreads = new List<double>();
        for (var p = 0; p < n; p++)
        {
            if (!perPosition || count[p] < MinimumCount)
            {
                mean[p] = (float)areaMean;
                spread[p] = (float)areaSpread;
                continue;
            }

            var m = sum[p] / count[p];
            mean[p] = (float)m;
            spread[p] = (float)Math.Sqrt(Math.Max(0, (squares[p] / count[p]) - (m * m)));
            spreads.Add(spread[p]);
        }

        spreads.Sort();
        var floor = (float)Math.Max(1e-4, perPosition ? 0.5 * (spreads.Count > 0 ? spreads[spreads.Count / 2] : areaSpread) : 0);
        for (var p = 0; p < n; p++)
        {
            spread[p] = Math.Max(spread[p], floor);
        }

        return new NormalResidual(mean, spread, size, maps.Count);
    }

    /// <summary>Each slice's largest z-score inside its area (mask &gt; 0.5); 0 for a slice without area.</summary>
    public double[] SliceMaxima(IReadOnlyList<float[]> maps, IReadOnlyList<float[]> masks)
    {
        var maxima = new double[maps.Count];
        for (var k = 0; k < maps.Count; k++)
        {
            var best = double.NegativeInfinity;
            for (var p = 0; p < maps[k].Length; p++)
            {
                if (masks[k][p] > 0.5f)
                {
                    best = Math.Max(best, (maps[k][p] - Mean[p]) / Spread[p]);
                }
            }

            maxima[k] = double.IsNegativeInfinity(best) ? 0 : best;
        }

        return maxima;
    }

    /// <summary>
    /// The z-score that the heatmap of at most <paramref name="rate"/> of these normal slices exceeds anywhere: the (1 −
    /// rate) quantile of their <see cref="SliceMaxima"/>. A calibrated threshold at it colours about that share of
    /// normal slices at all.
    /// </summary>
    public double SliceFalseColourLevel(IReadOnlyList<float[]> maps, IReadOnlyList<float[]> masks, double rate)
    {
        if (rate is <= 0 or >= 1 || maps.Count == 0)
        {
            throw new IslModelException($"A false-colour rate must lie in (0, 1) and needs normal slices; got {rate} over {maps.Count}.");
        }

        var maxima = SliceMaxima(maps, masks);
        Array.Sort(maxima);
        return maxima[Math.Clamp((int)Math.Ceiling((1 - rate) * maxima.Length) - 1, 0, maxima.Length - 1)];
    }

    /// <summary>Writes the statistics to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write(Size);
        writer.Write(Slices);
        writer.Write(MemoryMarshal.AsBytes(Mean.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(Spread.AsSpan()));
    }

    /// <summary>Reads statistics written by <see cref="Save"/>; a damaged file is a clear error.</summary>
    public static NormalResidual Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw new IslModelException($"{path} is not a normal residual file (too short).");
        }

        var size = BitConverter.ToInt32(bytes, 0);
        var slices = BitConverter.ToInt32(bytes, 4);
        if (size is < 1 or > 4096 || bytes.Length != 8 + (8L * size * size))
        {
            throw new IslModelException($"{path} is not a normal residual file ({bytes.Length} bytes for size {size}).");
        }

        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(8)).ToArray();
        return new NormalResidual(values[..(size * size)], values[(size * size)..], size, slices);
    }
}

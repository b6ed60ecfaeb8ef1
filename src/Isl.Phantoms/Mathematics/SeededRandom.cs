namespace Isl.Phantoms.Mathematics;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed forever (System.Random's algorithm is an
/// implementation detail), so a seed always yields the same phantom.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(params long[] seedParts)
    {
        _state = 0x9E3779B97F4A7C15UL;
        foreach (var part in seedParts)
        {
            _state ^= unchecked((ulong)part);
            NextUInt64();
        }
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A new independent generator derived from this one and a label.</summary>
    public SeededRandom Fork(long label) => new(unchecked((long)NextUInt64()), label);
}

using Isl.Phantoms;

namespace Isl.Trainer.Cli.Phantoms;

/// <summary>The options of <c>isl-trainer phantoms</c>, turned into one spec per study.</summary>
internal sealed record GenerationRequest
{
    public int Normal { get; init; }

    public int Abnormal { get; init; }

    public int Seed { get; init; } = 1;

    public required string Output { get; init; }

    public int? Slices { get; init; }

    public double? SpacingMm { get; init; }

    public double? TiltDeg { get; init; }

    public IReadOnlyList<LesionType> Lesions { get; init; } = [];

    public LesionSize? Size { get; init; }

    /// <summary>Normal studies use seeds Seed…Seed+N−1, abnormal ones the next M.</summary>
    /// <exception cref="PhantomException">When counts are negative or nothing is asked for.</exception>
    public IReadOnlyList<PhantomSpec> Specs()
    {
        if (Normal < 0 || Abnormal < 0 || Normal + Abnormal == 0)
        {
            throw new PhantomException($"Ask for at least one study: --normal and --abnormal must be ≥ 0 and not both 0 (got {Normal} and {Abnormal}).");
        }

        if (Normal + Abnormal > 100000 || (long)Seed + Normal + Abnormal > int.MaxValue)
        {
            throw new PhantomException("Too many studies for the seed range.");
        }

        var specs = new List<PhantomSpec>();
        for (var i = 0; i < Normal; i++)
        {
            specs.Add(Apply(PhantomSpec.Normal(Seed + i)));
        }

        for (var i = 0; i < Abnormal; i++)
        {
            var seed = Seed + Normal + i;
            var spec = Lesions.Count > 0 ? PhantomSpec.WithLesions(seed, [.. Lesions]) : PhantomSpec.RandomAbnormal(seed);
            if (Size is { } size)
            {
                spec = spec with { Lesions = spec.Lesions.Select(l => l with { Size = size }).ToArray() };
            }

            specs.Add(Apply(spec));
        }

        foreach (var spec in specs)
        {
            spec.Validate();
        }

        return specs;
    }

    private PhantomSpec Apply(PhantomSpec spec) => spec with { SliceCount = Slices, SliceSpacingMm = SpacingMm, GantryTiltDeg = TiltDeg };
}

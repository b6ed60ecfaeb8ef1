namespace Isl.Phantoms;

/// <summary>
/// What to generate. Everything not set here is drawn from <see cref="Seed"/>, so the same spec
/// always yields byte-identical output.
/// </summary>
public sealed record PhantomSpec
{
    /// <summary>Smallest slice spacing/thickness accepted (mm).</summary>
    public const double MinSliceSpacingMm = 0.625;

    /// <summary>Largest slice spacing/thickness accepted (mm).</summary>
    public const double MaxSliceSpacingMm = 5;

    /// <summary>The seed that drives anatomy, acquisition, lesion placement, noise and UIDs.</summary>
    public int Seed { get; init; }

    /// <summary>The lesions to place; empty for a disorder-free study.</summary>
    public IReadOnlyList<LesionRequest> Lesions { get; init; } = [];

    /// <summary>Number of slices; null covers the whole head (skull base to vertex).</summary>
    public int? SliceCount { get; init; }

    /// <summary>Slice spacing and thickness (mm, 0.625–5); null draws 2.5, 3.75 or 5.</summary>
    public double? SliceSpacingMm { get; init; }

    /// <summary>Gantry tilt (degrees, −30…30); null draws none (75%) or 8–20°.</summary>
    public double? GantryTiltDeg { get; init; }

    /// <summary>Beam-hardening streaks near the skull base; null draws them for 60% of subjects.</summary>
    public bool? BeamHardening { get; init; }

    /// <summary>Prefix of the study's patient name/ID (e.g. "NORMAL", "ABNORMAL").</summary>
    public string Cohort { get; init; } = "PHANTOM";

    /// <summary>True when no lesion is requested.</summary>
    public bool IsNormal => Lesions.Count == 0;

    /// <summary>A disorder-free study.</summary>
    public static PhantomSpec Normal(int seed) => new() { Seed = seed, Cohort = "NORMAL" };

    /// <summary>A study with the given lesion types (sizes drawn from the seed).</summary>
    public static PhantomSpec WithLesions(int seed, params LesionType[] types) =>
        new() { Seed = seed, Cohort = "ABNORMAL", Lesions = types.Select(t => new LesionRequest(t)).ToArray() };

    /// <summary>A study with one to three lesions of types drawn from the seed.</summary>
    public static PhantomSpec RandomAbnormal(int seed)
    {
        var random = new Mathematics.SeededRandom(seed, 0x4ab);
        var count = random.NextDouble() switch { < 0.7 => 1, < 0.92 => 2, _ => 3 };
        var types = new List<LesionType>();
        while (types.Count < count)
        {
            var type = random.Pick(LesionTypes.Requestable);
            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        return WithLesions(seed, [.. types]);
    }

    /// <summary>Throws <see cref="PhantomException"/> with a clear message when the spec cannot be generated.</summary>
    public void Validate()
    {
        if (SliceCount is < 1 or > 1000)
        {
            throw new PhantomException($"Slice count must be 1–1000, not {SliceCount}.");
        }

        if (SliceSpacingMm is { } spacing && (double.IsNaN(spacing) || spacing < MinSliceSpacingMm || spacing > MaxSliceSpacingMm))
        {
            throw new PhantomException($"Slice spacing must be {MinSliceSpacingMm}–{MaxSliceSpacingMm} mm, not {spacing}.");
        }

        if (GantryTiltDeg is { } tilt && (double.IsNaN(tilt) || Math.Abs(tilt) > 30))
        {
            throw new PhantomException($"Gantry tilt must be within ±30°, not {tilt}.");
        }

        if (Lesions.Any(l => l.Type == LesionType.PerilesionalEdema))
        {
            throw new PhantomException("Perilesional edema comes with a tumour; request 'tumor' instead.");
        }

        if (Lesions.Count > 8)
        {
            throw new PhantomException($"At most 8 lesions per study, not {Lesions.Count}.");
        }

        if (string.IsNullOrWhiteSpace(Cohort) || Cohort.Length > 16 || !Cohort.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new PhantomException($"Cohort must be 1–16 ASCII letters, digits or '-', not '{Cohort}'.");
        }
    }
}

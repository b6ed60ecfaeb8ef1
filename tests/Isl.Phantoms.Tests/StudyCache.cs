using System.Collections.Concurrent;
using Isl.Phantoms;

namespace Isl.Phantoms.Tests;

/// <summary>Generates each small test study once per test run (generation dominates the suite's time).</summary>
internal static class StudyCache
{
    private static readonly ConcurrentDictionary<string, Lazy<PhantomStudy>> Studies = new();

    public static PhantomStudy Get(PhantomSpec spec)
    {
        var key = $"{spec.Seed}|{spec.Cohort}|{string.Join(",", spec.Lesions)}|{spec.SliceCount}|{spec.SliceSpacingMm}|{spec.GantryTiltDeg}|{spec.BeamHardening}";
        return Studies.GetOrAdd(key, _ => new Lazy<PhantomStudy>(() => PhantomGenerator.Generate(spec))).Value;
    }

    /// <summary>A few slices through a medium lesion of one type.</summary>
    public static PhantomStudy Lesion(LesionType type, int seed = 11, LesionSize size = LesionSize.Medium, int slices = 5) =>
        Get(new PhantomSpec { Seed = seed, Cohort = "ABNORMAL", Lesions = [new LesionRequest(type, size)], SliceCount = slices, SliceSpacingMm = 5, GantryTiltDeg = 0 });
}

using Isl.Phantoms;
using Isl.Testing;

namespace Isl.Phantoms.Tests;

public sealed class DeterminismTests
{
    private static PhantomSpec SmallAbnormal(int seed) =>
        PhantomSpec.WithLesions(seed, LesionType.IntraparenchymalHemorrhage) with { SliceCount = 3, SliceSpacingMm = 5 };

    [Fact]
    public void The_same_seed_writes_byte_identical_files()
    {
        using var first = new TempDirectory("phantom-a");
        using var second = new TempDirectory("phantom-b");

        PhantomGenerator.Generate(SmallAbnormal(5)).WriteDicom(first.Path);
        PhantomGenerator.Generate(SmallAbnormal(5)).WriteDicom(second.Path);

        var names = Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(names, Directory.GetFiles(second.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("labels.json", names);
        Assert.Contains("mask.u8.gz", names);
        Assert.Equal(3, names.Count(n => n!.EndsWith(".dcm", StringComparison.Ordinal)));
        foreach (var name in names)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first.Path, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, name!))), $"{name} differs between two runs of the same seed.");
        }
    }

    [Fact]
    public void Different_seeds_give_different_anatomy()
    {
        var a = StudyCache.Get(PhantomSpec.Normal(101) with { SliceCount = 2, SliceSpacingMm = 5, GantryTiltDeg = 0 });
        var b = StudyCache.Get(PhantomSpec.Normal(102) with { SliceCount = 2, SliceSpacingMm = 5, GantryTiltDeg = 0 });

        // Compare tissue classes, not noise: head outline (> -500 HU) and bone (> 300 HU) per pixel.
        var differing = 0;
        var head = 0;
        for (var s = 0; s < 2; s++)
        {
            var x = a.HounsfieldSlice(s);
            var y = b.HounsfieldSlice(s);
            for (var i = 0; i < x.Length; i++)
            {
                var inA = x[i] > -500;
                head += inA ? 1 : 0;
                differing += inA != y[i] > -500 || (x[i] > 300) != (y[i] > 300) ? 1 : 0;
            }
        }

        Assert.True(differing > head * 0.05, $"only {differing} of {head} head pixels changed class between seeds");
        Assert.NotEqual(a.Identity.StudyInstanceUid, b.Identity.StudyInstanceUid);
        Assert.NotEqual(a.Identity.PatientId, b.Identity.PatientId);
    }

    [Fact]
    public void Uids_are_valid_and_distinct_per_instance()
    {
        var study = StudyCache.Get(SmallAbnormal(6));
        var uids = Enumerable.Range(1, study.SliceCount).Select(study.Identity.SopInstanceUid).ToList();
        uids.AddRange([study.Identity.StudyInstanceUid, study.Identity.SeriesInstanceUid, study.Identity.FrameOfReferenceUid]);

        Assert.All(uids, uid => Assert.True(Isl.Dicom.DicomUid.IsValid(uid), uid));
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
    }
}

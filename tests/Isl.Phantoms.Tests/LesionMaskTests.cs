using Isl.Phantoms;

namespace Isl.Phantoms.Tests;

public sealed class LesionMaskTests
{
    public static TheoryData<LesionType> Types() => new(LesionTypes.Requestable);

    [Theory]
    [MemberData(nameof(Types))]
    public void Mask_voxels_have_the_lesion_types_attenuation(LesionType type)
    {
        var study = StudyCache.Lesion(type);

        Assert.NotEmpty(study.Lesions);
        foreach (var label in study.Lesions)
        {
            var (sum, count) = MaskStatistics(study, label.MaskValue);
            Assert.True(count > 0, $"{label.Type} ({label.Location}) has no voxel in the slab.");
            var mean = sum / count;
            var (min, max) = label.Type.ExpectedMeanHu();
            Assert.InRange(mean, min, max);
            Assert.Equal(Math.Round(mean, 1), label.MeanHu, 1);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Labels_give_volume_and_instance_range_of_the_mask(LesionType type)
    {
        var study = StudyCache.Lesion(type);
        var voxelMl = study.PixelSpacingMm * study.PixelSpacingMm * study.SliceSpacingMm / 1000;

        foreach (var label in study.Lesions)
        {
            var slicesWithLesion = Enumerable.Range(0, study.SliceCount).Where(s => study.MaskSlice(s).Contains((byte)label.MaskValue)).ToArray();
            var voxels = Enumerable.Range(0, study.SliceCount).Sum(s => study.MaskSlice(s).Count((byte)label.MaskValue));
            Assert.Equal(slicesWithLesion.First() + 1, label.FirstInstance);
            Assert.Equal(slicesWithLesion.Last() + 1, label.LastInstance);
            Assert.Equal(Math.Round(voxels * voxelMl, 2), label.VolumeMl);
        }
    }

    [Fact]
    public void Larger_size_classes_make_larger_hemorrhages()
    {
        var small = StudyCache.Lesion(LesionType.IntraparenchymalHemorrhage, seed: 21, LesionSize.Small, slices: 12);
        var large = StudyCache.Lesion(LesionType.IntraparenchymalHemorrhage, seed: 21, LesionSize.Large, slices: 12);

        Assert.True(large.Lesions[0].VolumeMl > 5 * small.Lesions[0].VolumeMl, $"{small.Lesions[0].VolumeMl} mL vs {large.Lesions[0].VolumeMl} mL");
    }

    [Fact]
    public void A_tumour_brings_its_edema_and_shifts_the_midline()
    {
        var study = StudyCache.Lesion(LesionType.Tumor, seed: 12, LesionSize.Large);

        var tumor = Assert.Single(study.Lesions, l => l.Type == LesionType.Tumor);
        var edema = Assert.Single(study.Lesions, l => l.Type == LesionType.PerilesionalEdema);
        Assert.Equal(tumor.MaskValue, edema.ParentMaskValue);
        Assert.True(tumor.MidlineShiftMm > 2, $"midline shift {tumor.MidlineShiftMm} mm");
        Assert.True(edema.VolumeMl > tumor.VolumeMl * 0.5, $"edema {edema.VolumeMl} mL, tumour {tumor.VolumeMl} mL");
    }

    [Fact]
    public void Hydrocephalus_enlarges_the_ventricles_of_the_same_subject()
    {
        var hydrocephalus = StudyCache.Lesion(LesionType.Hydrocephalus, seed: 13, LesionSize.Large);
        var normal = StudyCache.Get(PhantomSpec.Normal(13) with { SliceCount = 5, SliceSpacingMm = 5, GantryTiltDeg = 0 });

        var ventricularCsf = CountInRange(hydrocephalus, -10, 15);
        var normalCsf = CountInRange(normal, -10, 15);
        Assert.True(ventricularCsf > normalCsf * 1.3, $"CSF-range voxels: {ventricularCsf} with hydrocephalus vs {normalCsf} without");
    }

    [Fact]
    public void A_study_can_carry_several_lesions_with_distinct_mask_values()
    {
        var study = StudyCache.Get(PhantomSpec.WithLesions(14, LesionType.SubduralHematoma, LesionType.Calcification) with { SliceCount = 3, SliceSpacingMm = 5 });

        Assert.Equal([1, 2], study.Lesions.Select(l => l.MaskValue));
        Assert.Equal([LesionType.SubduralHematoma, LesionType.Calcification], study.Lesions.Select(l => l.Type));
    }

    private static (double Sum, long Count) MaskStatistics(PhantomStudy study, int maskValue)
    {
        double sum = 0;
        long count = 0;
        for (var s = 0; s < study.SliceCount; s++)
        {
            var mask = study.MaskSlice(s);
            var hu = study.HounsfieldSlice(s);
            for (var i = 0; i < mask.Length; i++)
            {
                if (mask[i] == maskValue)
                {
                    sum += hu[i];
                    count++;
                }
            }
        }

        return (sum, count);
    }

    private static long CountInRange(PhantomStudy study, int min, int max)
    {
        long count = 0;
        for (var s = 0; s < study.SliceCount; s++)
        {
            foreach (var v in study.HounsfieldSlice(s))
            {
                count += v >= min && v < max ? 1 : 0;
            }
        }

        return count;
    }
}

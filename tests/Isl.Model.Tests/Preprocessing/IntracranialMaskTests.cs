using Isl.Dicom;
using Isl.Model.Preprocessing;
using Isl.Model.Scoring;
using Isl.Testing;

namespace Isl.Model.Tests.Preprocessing;

public sealed class IntracranialMaskTests
{
    private const int Size = 512;

    [Fact]
    public void The_inside_of_a_skull_ring_is_kept_and_the_bone_and_everything_outside_are_not()
    {
        var image = Head(skullGap: 0, clot: false);
        var mask = IntracranialMask.Compute(image, Size, Size, IntracranialMask.MaskWindow);
        var (inside, insideKept, bone, boneKept, outsideKept) = Tally(image, mask);
        Assert.True(insideKept > 0.95 * inside, $"only {insideKept} of {inside} brain pixels are in the mask");
        Assert.Equal(0, boneKept);
        Assert.Equal(0, outsideKept);
        Assert.True(bone > 0);
    }

    [Fact]
    public void A_small_gap_in_the_skull_still_encloses_the_brain()
    {
        var image = Head(skullGap: 2, clot: false);
        var mask = IntracranialMask.Compute(image, Size, Size, IntracranialMask.MaskWindow);
        var (inside, insideKept, _, _, outsideKept) = Tally(image, mask);
        Assert.True(insideKept > 0.9 * inside, $"only {insideKept} of {inside} brain pixels are in the mask");
        Assert.Equal(0, outsideKept);
    }

    [Fact]
    public void A_skull_open_as_wide_as_a_fracture_still_encloses_the_brain_without_taking_the_scalp()
    {
        // An 80-pixel gap: far wider than the closing bridges, so the border flood leaks in and finds no interior.
        var image = Head(skullGap: 40, clot: false);
        var mask = IntracranialMask.Compute(image, Size, Size, IntracranialMask.MaskWindow);
        var (inside, insideKept, _, boneKept, outsideKept) = Tally(image, mask);
        Assert.True(insideKept > 0.85 * inside, $"only {insideKept} of {inside} brain pixels are in the mask");
        Assert.Equal(0, boneKept);
        Assert.True(outsideKept < 0.005 * inside, $"{outsideKept} pixels outside the skull are in the mask");
    }

    [Fact]
    public void Real_slices_whose_skull_ring_is_open_get_their_brain_and_a_neck_slice_still_gets_none()
    {
        // ct-ich-dev scan 081 slice 15: a normal-looking brain slice whose frontal skull does not close at the orbital
        // roofs (the flood alone found 0 %); scan 078 slice 17: an epidural hematoma beside a fracture; scan 103 slice
        // 04: the neck and face, scattered soft tissue between bones.
        double Share(string scan, string slice)
        {
            var image = PngSliceLoader.Load(Path.Combine(SharedData.CtIchDev, "scans", scan, slice));
            return IntracranialMask.Compute(image.Pixels, image.Rows, image.Columns, new HuWindow(40, 120)).Average();
        }

        Assert.InRange(Share("081", "15.jpg"), 0.18, 0.5);
        Assert.InRange(Share("078", "17.jpg"), 0.15, 0.5);
        Assert.InRange(Share("103", "04.jpg"), 0, 0.04);
    }

    [Fact]
    public void A_clot_as_bright_as_bone_inside_the_brain_stays_in_the_mask()
    {
        var image = Head(skullGap: 0, clot: true);
        var mask = IntracranialMask.Compute(image, Size, Size, IntracranialMask.MaskWindow);
        var clot = Enumerable.Range(0, Size * Size).Where(i => IsClot(i / Size, i % Size)).ToArray();
        Assert.All(clot, i => Assert.Equal(1f, mask[i]));
    }

    [Fact]
    public void Air_and_a_neck_without_an_enclosing_skull_give_almost_no_intracranial_area()
    {
        Assert.All(IntracranialMask.Compute(new float[Size * Size], Size, Size, null), v => Assert.Equal(0f, v));

        // Neck: soft tissue with a small vertebral ring around the spinal canal.
        var neck = new float[Size * Size];
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                var d = Distance(r, c, 256, 256, 160, 190);
                var v = Distance(r, c, 300, 256, 28, 28);
                neck[(r * Size) + c] = d > 1 ? 0 : v is > 0.7 and < 1 ? 1f : 0.5f;
            }
        }

        var share = IntracranialMask.Compute(neck, Size, Size, null).Average();
        Assert.True(share < 0.01, $"the neck slice keeps {share:P2} of the image");
    }

    [Fact]
    public void On_the_real_ge_series_mid_brain_slices_have_brain_and_the_skull_base_and_vertex_less()
    {
        var fractions = SharedData.GeHeadCtFiles()
            .Select(f => DicomSlices.FromFile(DicomFile.Open(f), f))
            .OrderBy(s => s.Geometry!.Position[2])
            .Select(s => (double)IntracranialMask.FromHu(s.Hu, s.Rows, s.Columns).Average())
            .ToArray();
        var peak = fractions.Max();
        Assert.True(peak is > 0.15 and < 0.6, $"largest intracranial share {peak:P1}: {string.Join(" ", fractions.Select(f => f.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.True(fractions.Count(f => f >= 0.04) >= 14, "fewer than half the slices of a whole-brain series have brain");
        Assert.True(fractions[0] < peak / 2 || fractions[^1] < peak / 2, "neither end of the series has less brain than the middle");
    }

    // A head: skull ring (bone, 1.0) around brain (0.45) in air; optional gap in the ring and a bone-bright clot.
    private static float[] Head(int skullGap, bool clot)
    {
        var image = new float[Size * Size];
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                var d = Distance(r, c, 256, 256, 200, 170);
                float value = d > 1.06 ? 0 : d > 1 ? 0.5f : d > 0.92 ? 1f : 0.45f;
                if (skullGap > 0 && d is > 0.92 and <= 1 && Math.Abs(c - 256) < skullGap && r < 256)
                {
                    value = 0.45f;
                }

                if (clot && IsClot(r, c))
                {
                    value = 1f;
                }

                image[(r * Size) + c] = value;
            }
        }

        return image;
    }

    private static bool IsClot(int r, int c) => Distance(r, c, 220, 300, 24, 24) < 1;

    private static double Distance(int r, int c, double cy, double cx, double ry, double rx)
        => Math.Sqrt(Math.Pow((r - cy) / ry, 2) + Math.Pow((c - cx) / rx, 2));

    private static (int Inside, int InsideKept, int Bone, int BoneKept, int OutsideKept) Tally(float[] image, float[] mask)
    {
        int inside = 0, insideKept = 0, bone = 0, boneKept = 0, outsideKept = 0;
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                var i = (r * Size) + c;
                var d = Distance(r, c, 256, 256, 200, 170);
                var kept = mask[i] > 0.5f;
                if (d <= 0.9)
                {
                    inside++;
                    insideKept += kept ? 1 : 0;
                }
                else if (image[i] >= 1f)
                {
                    bone++;
                    boneKept += kept ? 1 : 0;
                }
                else if (d > 1.0)
                {
                    outsideKept += kept ? 1 : 0;
                }
            }
        }

        return (inside, insideKept, bone, boneKept, outsideKept);
    }
}

using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Lesions;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Acquisition;

/// <summary>
/// Renders one slice: averages sub-slices across the slice thickness (partial volume along z),
/// blurs with the reconstruction point-spread function (in-plane partial volume), adds
/// beam-hardening streaks near the skull base and correlated quantum noise.
/// </summary>
internal sealed class SliceRenderer
{
    private const float PointSpreadSigmaPx = 0.6f;
    private const float NoiseCorrelationSigmaPx = 0.9f;
    private const float BoneContaminationLimit = 0.015f;
    private readonly HeadModel _head;
    private readonly IReadOnlyList<Lesion> _lesions;
    private readonly PatientToModel _toModel;
    private readonly SliceGeometry _geometry;
    private readonly AcquisitionParameters _acquisition;
    private readonly int _seed;

    public SliceRenderer(HeadModel head, IReadOnlyList<Lesion> lesions, PatientToModel toModel, SliceGeometry geometry, AcquisitionParameters acquisition, int seed)
    {
        _head = head;
        _lesions = lesions;
        _toModel = toModel;
        _geometry = geometry;
        _acquisition = acquisition;
        _seed = seed;
    }

    /// <summary>Hounsfield units (rounded, clamped to −1024…3071) and the lesion mask of one slice.</summary>
    public (short[] Hu, byte[] Mask) Render(int slice)
    {
        var width = _geometry.Columns;
        var height = _geometry.Rows;
        var image = new float[width * height];
        var mask = new byte[width * height];
        var boneFraction = new float[width * height];
        var subSamples = _acquisition.SubSamples;
        Span<byte> labels = stackalloc byte[4];
        var origins = new Point3[subSamples];
        for (var s = 0; s < subSamples; s++)
        {
            var offset = (((s + 0.5) / subSamples) - 0.5) * _acquisition.SliceThicknessMm;
            origins[s] = _geometry.PixelCenter(slice, 0, 0) + (_geometry.Normal * offset);
        }

        var modelOrigins = origins.Select(_toModel.Map).ToArray();
        var zero = _toModel.Map(new Point3(0, 0, 0));
        var columnStep = _toModel.Map(_geometry.RowDirection * _geometry.PixelSpacingMm) - zero;
        var rowStep = _toModel.Map(_geometry.ColumnDirection * _geometry.PixelSpacingMm) - zero;

        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                double sum = 0;
                var bone = 0;
                for (var s = 0; s < subSamples; s++)
                {
                    var p = modelOrigins[s] + (rowStep * row) + (columnStep * column);
                    var (hu, label, isBone) = Sample(p);
                    sum += hu;
                    labels[s] = label;
                    bone += isBone ? 1 : 0;
                }

                var index = (row * width) + column;
                image[index] = (float)(sum / subSamples);
                boneFraction[index] = (float)bone / subSamples;
                mask[index] = MajorityLabel(labels[..subSamples]);
            }
        }

        var pointSpread = ImageFilters.GaussianKernel(PointSpreadSigmaPx);
        ImageFilters.Convolve(image, width, height, pointSpread);
        ExcludeBonePartialVolume(mask, boneFraction, width, height, pointSpread);
        if (_acquisition.BeamHardening)
        {
            BeamHardeningStreaks.Add(image, _geometry, slice, _toModel, new SeededRandom(_seed, 0x57, slice));
        }

        AddNoise(image, width, height, slice);
        var hu16 = new short[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            hu16[i] = (short)Math.Clamp(Math.Round(image[i]), -1024, 3071);
        }

        return (hu16, mask);
    }

    /// <summary>
    /// Voxels whose value carries more than ~25 HU of skull through the slice profile or the point
    /// spread are left out of the mask: they are partial volume with bone, not lesion.
    /// </summary>
    private static void ExcludeBonePartialVolume(byte[] mask, float[] boneFraction, int width, int height, float[] pointSpread)
    {
        if (Array.TrueForAll(mask, m => m == 0))
        {
            return;
        }

        ImageFilters.Convolve(boneFraction, width, height, pointSpread);
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0 && boneFraction[i] > BoneContaminationLimit)
            {
                mask[i] = 0;
            }
        }
    }

    private (double Hu, byte Label, bool Bone) Sample(Point3 p)
    {
        var tissue = _head.Evaluate(p, _lesions);
        if (tissue.Class == TissueClass.Air || !tissue.IsIntracranial)
        {
            return (tissue.Hu, 0, tissue.Class == TissueClass.Bone);
        }

        var hu = tissue.Hu;
        byte label = 0;
        foreach (var lesion in _lesions)
        {
            if ((p - lesion.Center).Length > lesion.BoundingRadius)
            {
                continue;
            }

            if (lesion.TryApply(p, tissue, out var lesionHu))
            {
                hu = lesionHu;
                label = (byte)lesion.MaskValue;
            }
        }

        return (hu, label, false);
    }

    private static byte MajorityLabel(ReadOnlySpan<byte> labels)
    {
        byte best = 0;
        var bestCount = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 0)
            {
                continue;
            }

            var count = 0;
            foreach (var l in labels)
            {
                if (l == labels[i])
                {
                    count++;
                }
            }

            if (count > bestCount)
            {
                (best, bestCount) = (labels[i], count);
            }
        }

        return bestCount * 2 >= labels.Length ? best : (byte)0;
    }

    private void AddNoise(float[] image, int width, int height, int slice)
    {
        var random = new SeededRandom(_seed, 0x401, slice);
        var noise = new float[image.Length];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)random.NextGaussian();
        }

        var kernel = ImageFilters.GaussianKernel(NoiseCorrelationSigmaPx);
        ImageFilters.Convolve(noise, width, height, kernel);
        var gain = (float)(_acquisition.NoiseSigmaHu / ImageFilters.NoiseGain(kernel));
        for (var i = 0; i < image.Length; i++)
        {
            image[i] += noise[i] * gain;
        }
    }
}

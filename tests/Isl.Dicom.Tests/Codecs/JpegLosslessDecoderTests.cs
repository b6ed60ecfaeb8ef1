using System.Buffers.Binary;
using Isl.Dicom.Codecs;

namespace Isl.Dicom.Tests.Codecs;

public sealed class JpegLosslessDecoderTests
{
    public static TheoryData<int, int> PredictorsAndPrecisions()
    {
        var data = new TheoryData<int, int>();
        foreach (var predictor in new[] { 1, 2, 3, 4, 5, 6, 7 })
        {
            foreach (var precision in new[] { 2, 8, 12, 16 })
            {
                data.Add(predictor, precision);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PredictorsAndPrecisions))]
    public void Every_predictor_and_precision_decodes_exactly(int predictor, int precision)
    {
        var samples = Image(37, 29, 1, precision, seed: (predictor * 100) + precision);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 37, 29, 1, precision, predictor);

        var decoded = Decode(jpeg, samples.Length, precision);

        Assert.Equal(samples, decoded);
    }

    [Theory]
    [InlineData(1, 29)]
    [InlineData(7, 29)]
    [InlineData(4, 10)]
    [InlineData(6, 1)]
    public void Restart_intervals_reset_the_prediction(int predictor, int interval)
    {
        var samples = Image(20, 29, 1, 16, seed: interval);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 20, 29, 1, 16, predictor, restartInterval: interval);

        Assert.Equal(samples, Decode(jpeg, samples.Length, 16));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Three_components_decode_colour_by_pixel_from_one_or_three_scans(bool separateScans)
    {
        var samples = Image(16, 21, 3, 8, seed: 3);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 16, 21, 3, 8, predictor: 5, separateScans: separateScans);

        var decoded = new byte[samples.Length];
        var info = JpegLosslessDecoder.Decode(jpeg, decoded, bytesPerSample: 1);

        Assert.Equal(new JpegLosslessFrameInfo(8, 16, 21, 3), info);
        Assert.Equal(samples, decoded.Select(b => (int)b).ToArray());
    }

    [Fact]
    public void Point_transform_restores_the_shifted_samples()
    {
        var samples = Image(12, 12, 1, 12, seed: 9);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 12, 12, 1, 12, predictor: 1, pointTransform: 3);

        Assert.Equal(samples.Select(s => s >> 3 << 3).ToArray(), Decode(jpeg, samples.Length, 12));
    }

    [Fact]
    public void The_16_bit_category_decodes_a_difference_of_32768()
    {
        int[] samples = [0, 32768, 0, 32768, 65535, 32767, 1, 65534];
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 2, 4, 1, 16, predictor: 1);

        Assert.Equal(samples, Decode(jpeg, samples.Length, 16));
    }

    [Fact]
    public void Frame_info_is_read_without_decoding()
    {
        var jpeg = LosslessJpegTestEncoder.Encode(Image(5, 7, 1, 12, 1), 5, 7, 1, 12, 1);

        Assert.Equal(new JpegLosslessFrameInfo(12, 5, 7, 1), JpegLosslessDecoder.ReadFrameInfo(jpeg));
    }

    [Fact]
    public void A_baseline_stream_is_refused_as_not_lossless()
    {
        var jpeg = LosslessJpegTestEncoder.Encode(Image(5, 7, 1, 8, 1), 5, 7, 1, 8, 1);
        jpeg[3] = 0xC0;

        var error = Assert.Throws<DicomParseException>(() => JpegLosslessDecoder.Decode(jpeg, new byte[35], 1));
        Assert.Contains("SOF0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_scan_is_a_parse_error()
    {
        var samples = Image(64, 64, 1, 16, seed: 4);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 64, 64, 1, 16, 1);

        Assert.Throws<DicomParseException>(() => JpegLosslessDecoder.Decode(jpeg.AsSpan(0, jpeg.Length / 2), new byte[samples.Length * 2], 2));
    }

    [Fact]
    public void Mutated_streams_fail_only_with_the_parse_error()
    {
        var samples = Image(24, 24, 1, 16, seed: 5);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 24, 24, 1, 16, 7, restartInterval: 24);
        var random = new Random(42);
        var destination = new byte[samples.Length * 2];
        for (var i = 0; i < 3000; i++)
        {
            var mutated = (byte[])jpeg.Clone();
            for (var j = random.Next(1, 4); j > 0; j--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(4) == 0 ? random.Next(mutated.Length) : mutated.Length;
            try
            {
                JpegLosslessDecoder.Decode(mutated.AsSpan(0, length), destination, 2);
            }
            catch (DicomParseException)
            {
            }
        }
    }

    private static int[] Decode(byte[] jpeg, int count, int precision)
    {
        var bytes = precision > 8 ? 2 : 1;
        var decoded = new byte[count * bytes];
        JpegLosslessDecoder.Decode(jpeg, decoded, bytes);
        return bytes == 1
            ? decoded.Select(b => (int)b).ToArray()
            : Enumerable.Range(0, count).Select(i => (int)BinaryPrimitives.ReadUInt16LittleEndian(decoded.AsSpan(2 * i))).ToArray();
    }

    /// <summary>A smooth gradient with noise and a few extreme samples, so every category occurs.</summary>
    internal static int[] Image(int rows, int columns, int components, int precision, int seed)
    {
        var random = new Random(seed);
        var max = (1 << precision) - 1;
        var samples = new int[rows * columns * components];
        for (var i = 0; i < samples.Length; i++)
        {
            var pixel = i / components;
            var smooth = ((pixel % columns) * 7) + ((pixel / columns) * 3) + random.Next(-5, 6);
            samples[i] = random.Next(20) == 0 ? random.Next(max + 1) : Math.Clamp(smooth, 0, max);
        }

        return samples;
    }
}

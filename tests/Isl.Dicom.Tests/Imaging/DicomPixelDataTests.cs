using System.Buffers.Binary;
using Isl.Dicom.Codecs;
using Isl.Dicom.Imaging;
using Isl.Dicom.Tests.Codecs;

namespace Isl.Dicom.Tests.Imaging;

public sealed class DicomPixelDataTests
{
    [Fact]
    public void Stored_values_are_masked_to_bits_stored_and_sign_extended()
    {
        var dataset = PixelDatasets.Image(1, 4, 16, 12, pixelRepresentation: 1);
        ushort[] raw = [0xF800, 0x07FF, 0x0FFF, 0xA123]; // high nibble is garbage outside BitsStored
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, Words(raw));

        var values = DicomPixelData.Create(dataset).GetStoredValues(0);

        Assert.Equal([-2048, 2047, -1, 0x123], values);
    }

    [Fact]
    public void A_high_bit_above_bits_stored_shifts_the_values_down()
    {
        var dataset = PixelDatasets.Image(1, 2, 16, 12, highBit: 15);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, Words([0xFFF0, 0x0010]));

        Assert.Equal([4095, 1], DicomPixelData.Create(dataset).GetStoredValues(0));
    }

    [Fact]
    public void Unsigned_8_bit_monochrome1_reads_plain_bytes_and_odd_lengths_are_tolerated()
    {
        var dataset = PixelDatasets.Image(3, 3, 8, 8, photometric: "MONOCHROME1");
        byte[] pixels = [0, 1, 2, 3, 4, 5, 6, 7, 255, 0]; // 9 pixels + pad byte
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, pixels);

        var data = DicomPixelData.Create(dataset);

        Assert.Equal("MONOCHROME1", data.PhotometricInterpretation);
        Assert.Equal(9, data.FrameLength);
        Assert.Equal(pixels[..9], data.GetFrame(0));
        Assert.Equal(255, data.GetStoredValues(0)[8]);
    }

    [Fact]
    public void Frames_of_a_multi_frame_image_are_cut_at_frame_boundaries()
    {
        var dataset = PixelDatasets.Image(2, 3, 16, 16, frames: 3);
        var pixels = PixelDatasets.Bytes(3 * 12, 1);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);

        var data = DicomPixelData.Create(dataset);

        Assert.Equal(3, data.NumberOfFrames);
        Assert.Equal(pixels[12..24], data.GetFrame(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.GetFrame(3));
    }

    [Fact]
    public void Bit_packed_frames_are_repacked_to_start_at_bit_zero()
    {
        var dataset = PixelDatasets.Image(3, 3, 1, 1, frames: 2);
        // Frame 1 = bits 0..8, frame 2 = bits 9..17 (LSB first): frame 2 is all ones.
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, new byte[] { 0b0000_0101, 0b1111_1110, 0b0000_0011, 0 });

        var data = DicomPixelData.Create(dataset);

        Assert.Equal(2, data.FrameLength);
        Assert.Equal(new byte[] { 0b0000_0101, 0 }, data.GetFrame(0));
        Assert.Equal(new byte[] { 0xFF, 0x01 }, data.GetFrame(1));
    }

    [Fact]
    public void Ybr_full_422_native_frames_hold_two_samples_per_pixel()
    {
        var dataset = PixelDatasets.Image(2, 4, 8, 8, samples: 3, photometric: "YBR_FULL_422");
        var pixels = PixelDatasets.Bytes(16, 2);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, pixels);

        Assert.Equal(pixels, DicomPixelData.Create(dataset).GetFrame(0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Rgb_frames_keep_their_planar_configuration_through_rle(int planar)
    {
        var dataset = PixelDatasets.Image(5, 7, 8, 8, samples: 3, photometric: "RGB", frames: 2, planar: planar);
        var pixels = PixelDatasets.Bytes(2 * 105, planar);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, pixels);
        var layout = new PixelFrameLayout(5, 7, 8, 3, planar == 1);
        var rle = dataset.Clone().SetFragments(DicomTags.PixelData, DicomVR.OB, new DicomFragmentSequence([], [RleCodec.Encode(pixels.AsSpan(0, 105), layout), RleCodec.Encode(pixels.AsSpan(105), layout)]));

        var data = DicomPixelData.Create(rle, DicomTransferSyntax.RLELossless);

        Assert.Equal(PixelCompression.Rle, data.Compression);
        Assert.Equal(planar, data.PlanarConfiguration);
        Assert.Equal(pixels[105..], data.GetFrame(1));
    }

    [Fact]
    public void Jpeg_lossless_frames_are_decoded_and_recognised_without_a_syntax()
    {
        var samples = JpegLosslessDecoderTests.Image(4, 6, 1, 16, seed: 3);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 4, 6, 1, 16, predictor: 1);
        var dataset = PixelDatasets.Image(4, 6, 16, 16, frames: 2);
        // Frame 1 is split over two fragments; frames are found by their JPEG start-of-image marker.
        dataset.SetFragments(DicomTags.PixelData, DicomVR.OB, new DicomFragmentSequence([], [jpeg.AsMemory(0, 10), jpeg.AsMemory(10), jpeg]));

        var data = DicomPixelData.Create(dataset);

        Assert.Equal(PixelCompression.JpegLossless, data.Compression);
        var expected = Words([.. samples.Select(s => (ushort)s)]);
        Assert.Equal(expected, data.GetFrame(0));
        Assert.Equal(expected, data.GetFrame(1));
    }

    [Fact]
    public void A_jpeg_frame_of_another_size_than_the_dataset_is_a_parse_error()
    {
        var jpeg = LosslessJpegTestEncoder.Encode(new int[12], 3, 4, 1, 8, predictor: 1);
        var dataset = PixelDatasets.Image(4, 3, 8, 8);
        dataset.SetFragments(DicomTags.PixelData, DicomVR.OB, new DicomFragmentSequence([], [jpeg]));

        Assert.Throws<DicomParseException>(() => DicomPixelData.Create(dataset, DicomTransferSyntax.JPEGLosslessSV1).GetFrame(0));
    }

    [Fact]
    public void Other_codecs_are_refused_naming_the_transfer_syntax()
    {
        var dataset = PixelDatasets.Image(4, 4, 8, 8);
        dataset.SetFragments(DicomTags.PixelData, DicomVR.OB, new DicomFragmentSequence([], [new byte[] { 0xFF, 0x4F, 0xFF, 0x51, 0, 0 }]));

        var error = Assert.Throws<DicomNotSupportedException>(() => DicomPixelData.Create(dataset, DicomTransferSyntax.JPEGLSLossless));

        Assert.Contains("1.2.840.10008.1.2.4.80", error.Message, StringComparison.Ordinal);
        Assert.Contains(DicomTransferSyntax.JPEGLSLossless.Name, error.Message, StringComparison.Ordinal);
        Assert.Throws<DicomNotSupportedException>(() => DicomPixelData.Create(dataset));
    }

    [Fact]
    public void Missing_or_short_pixel_data_is_a_data_error()
    {
        var dataset = PixelDatasets.Image(4, 4, 16, 16);
        Assert.Throws<DicomDataException>(() => DicomPixelData.Create(dataset));

        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[30]);
        Assert.Throws<DicomDataException>(() => DicomPixelData.Create(dataset));

        var inconsistent = PixelDatasets.Image(4, 4, 8, 12);
        inconsistent.SetBytes(DicomTags.PixelData, DicomVR.OB, new byte[16]);
        Assert.Throws<DicomDataException>(() => DicomPixelData.Create(inconsistent));
    }

    internal static byte[] Words(ushort[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), values[i]);
        }

        return bytes;
    }
}

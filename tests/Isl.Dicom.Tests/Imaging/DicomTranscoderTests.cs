using Isl.Dicom.Imaging;
using Isl.Dicom.Tests.Codecs;
using Isl.Testing;

namespace Isl.Dicom.Tests.Imaging;

public sealed class DicomTranscoderTests
{
    [Theory]
    [InlineData(8, 1, 0)]
    [InlineData(16, 1, 0)]
    [InlineData(8, 3, 1)]
    [InlineData(16, 3, 0)]
    public void Native_to_rle_and_back_keeps_every_byte(int bits, int samples, int planar)
    {
        var dataset = PixelDatasets.Image(9, 11, bits, bits, samples: samples, photometric: samples == 1 ? "MONOCHROME2" : "RGB", frames: 3, planar: planar);
        var pixels = PixelDatasets.Bytes(3 * 99 * samples * bits / 8, bits + samples);
        dataset.SetBytes(DicomTags.PixelData, bits == 8 ? DicomVR.OB : DicomVR.OW, pixels);
        var original = new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

        var rle = DicomTranscoder.Transcode(original, DicomTransferSyntax.RLELossless);
        var back = DicomTranscoder.Transcode(Reread(rle), DicomTransferSyntax.ExplicitVRLittleEndian);

        var fragments = rle.Dataset.GetFragments(DicomTags.PixelData)!;
        Assert.Equal(3, fragments.Fragments.Count);
        Assert.Equal(3, fragments.OffsetTable.Count);
        Assert.Equal(DicomTransferSyntax.RLELossless.Uid, rle.FileMetaInformation.GetString(DicomTags.TransferSyntaxUID));
        var decoded = back.Dataset.GetBytes(DicomTags.PixelData).ToArray();
        Assert.Equal(pixels.Length + (pixels.Length & 1), decoded.Length);
        Assert.Equal(pixels, decoded[..pixels.Length]);
        if (samples > 1)
        {
            Assert.Equal(planar, back.Dataset.GetUInt16(DicomTags.PlanarConfiguration));
        }
    }

    [Fact]
    public void Decompressing_colour_jpeg_stores_it_colour_by_pixel()
    {
        var samples = JpegLosslessDecoderTests.Image(4, 5, 3, 8, seed: 1);
        var jpeg = LosslessJpegTestEncoder.Encode(samples, 4, 5, 3, 8, predictor: 1);
        var dataset = PixelDatasets.Image(4, 5, 8, 8, samples: 3, photometric: "RGB", planar: 1);
        dataset.SetFragments(DicomTags.PixelData, DicomVR.OB, new DicomFragmentSequence([], [jpeg]));

        var native = DicomTranscoder.Transcode(new DicomFile(dataset, DicomTransferSyntax.JPEGLosslessSV1), DicomTransferSyntax.ExplicitVRLittleEndian);

        Assert.Equal(0, native.Dataset.GetUInt16(DicomTags.PlanarConfiguration));
        Assert.Equal("RGB", native.Dataset.GetString(DicomTags.PhotometricInterpretation));
        Assert.Equal(samples.Select(s => (byte)s).ToArray(), native.Dataset.GetBytes(DicomTags.PixelData).ToArray());
        Assert.Equal(DicomVR.OB, native.Dataset.GetElement(DicomTags.PixelData).VR);
    }

    [Fact]
    public void Encoding_jpeg_is_refused_naming_the_target_syntax()
    {
        var dataset = PixelDatasets.Image(2, 2, 8, 8);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, new byte[4]);

        var error = Assert.Throws<DicomNotSupportedException>(() =>
            DicomTranscoder.Transcode(new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.JPEGLosslessSV1));

        Assert.Contains(DicomTransferSyntax.JPEGLosslessSV1.Uid, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Implicit_vr_pixel_value_attributes_become_ss_for_signed_images()
    {
        var dataset = PixelDatasets.Image(1, 2, 16, 16, pixelRepresentation: 1).SetBytes(DicomTags.SmallestImagePixelValue, DicomVR.US, new byte[] { 0x00, 0xFC });
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[4]);

        var explicitFile = DicomTranscoder.Transcode(new DicomFile(dataset, DicomTransferSyntax.ImplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);

        Assert.Equal(DicomVR.SS, explicitFile.Dataset.GetElement(DicomTags.SmallestImagePixelValue).VR);
        Assert.Equal(-1024, explicitFile.Dataset.GetInt32(DicomTags.SmallestImagePixelValue));
    }

    [Fact]
    public void The_pixel_representation_mismatch_jpeg_2000_file_fails_with_the_not_supported_error()
    {
        var path = Directory.GetFiles(SharedData.J2kHeadCt, "*.dcm").Single();

        var error = Assert.Throws<DicomNotSupportedException>(() => DicomTranscoder.Transcode(DicomFile.Open(path), DicomTransferSyntax.ExplicitVRLittleEndian));

        Assert.Contains("1.2.840.10008.1.2.4.90", error.Message, StringComparison.Ordinal);
        Assert.Contains("JPEG 2000", error.Message, StringComparison.Ordinal);
    }

    private static DicomFile Reread(DicomFile file)
    {
        using var stream = new MemoryStream();
        file.Save(stream);
        stream.Position = 0;
        return DicomFile.Read(stream);
    }
}

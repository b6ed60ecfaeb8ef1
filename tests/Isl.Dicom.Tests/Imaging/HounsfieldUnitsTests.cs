using Isl.Dicom.Imaging;
using Isl.Testing;

namespace Isl.Dicom.Tests.Imaging;

public sealed class HounsfieldUnitsTests
{
    [Fact]
    public void Stored_values_are_rescaled_with_slope_and_intercept()
    {
        var dataset = PixelDatasets.Image(1, 3, 16, 12, pixelRepresentation: 0)
            .SetDouble(DicomTags.RescaleSlope, 0.5)
            .SetDouble(DicomTags.RescaleIntercept, -1024.0);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, DicomPixelDataTests.Words([0, 2048, 4095]));

        Assert.Equal([-1024f, 0f, 1023.5f], HounsfieldUnits.FromDataset(dataset));
    }

    [Fact]
    public void Enhanced_ct_rescale_comes_from_the_frame_functional_groups()
    {
        var dataset = PixelDatasets.Image(1, 2, 16, 16, pixelRepresentation: 1, frames: 2);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, DicomPixelDataTests.Words([10, 20, 10, 20]));
        dataset.SetSequence(DicomTags.SharedFunctionalGroupsSequence, [Transformation(1, -1000)]);
        dataset.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [new DicomDataset(), Transformation(2, -1024)]);

        var data = DicomPixelData.Create(dataset);

        Assert.Equal([-990f, -980f], data.GetHounsfieldFrame(0));
        Assert.Equal([-1004f, -984f], data.GetHounsfieldFrame(1));
        Assert.Equal(new ModalityRescale(2, -1024), ModalityRescale.Of(dataset, 1));
    }

    [Fact]
    public void Without_rescale_attributes_the_stored_values_are_returned()
    {
        var dataset = PixelDatasets.Image(1, 2, 16, 16, pixelRepresentation: 1);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, DicomPixelDataTests.Words([0xFFFF, 5]));

        Assert.Equal([-1f, 5f], HounsfieldUnits.FromDataset(dataset));
    }

    [Fact]
    public void Colour_images_have_no_hounsfield_units()
    {
        var dataset = PixelDatasets.Image(1, 1, 8, 8, samples: 3, photometric: "RGB");
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, new byte[4]);

        Assert.Throws<DicomDataException>(() => HounsfieldUnits.FromDataset(dataset));
    }

    [Fact]
    public void The_shared_jpeg_2000_head_ct_is_refused_naming_its_syntax()
    {
        var path = Directory.GetFiles(SharedData.J2kHeadCt, "*.dcm").Single();
        var file = DicomFile.Open(path);

        var error = Assert.Throws<DicomNotSupportedException>(() => HounsfieldUnits.FromFile(file));

        Assert.Contains(DicomTransferSyntax.JPEG2000Lossless.Uid, error.Message, StringComparison.Ordinal);
        Assert.Contains(DicomTransferSyntax.JPEG2000Lossless.Name, error.Message, StringComparison.Ordinal);
    }

    private static DicomDataset Transformation(double slope, double intercept) =>
        new DicomDataset().SetSequence(DicomTags.PixelValueTransformationSequence, [new DicomDataset().SetDouble(DicomTags.RescaleSlope, slope).SetDouble(DicomTags.RescaleIntercept, intercept)]);
}

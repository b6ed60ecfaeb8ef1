using System.Text.Json;
using Isl.Dicom;
using Isl.Dicom.Imaging;
using Isl.Phantoms;
using Isl.Phantoms.Output;
using Isl.Testing;

namespace Isl.Phantoms.Tests;

public sealed class DicomOutputTests
{
    private static PhantomSpec Tilted() =>
        PhantomSpec.WithLesions(31, LesionType.SubduralHematoma) with { SliceCount = 3, SliceSpacingMm = 2.5, GantryTiltDeg = 12 };

    [Fact]
    [Trait("Category", "Integration")]
    public void Every_instance_passes_dciodvfy_without_errors()
    {
        using var folder = new TempDirectory("phantom-dciodvfy");
        var files = StudyCache.Get(Tilted()).WriteDicom(folder.Path);

        foreach (var file in files)
        {
            var result = ExternalTool.Run("dciodvfy", [file]);
            var errors = result.Output.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToArray();
            Assert.True(errors.Length == 0, $"{Path.GetFileName(file)}:\n{result.Output}");
            Assert.Contains("CTImage", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Dcmdump_reads_the_headers_we_wrote()
    {
        using var folder = new TempDirectory("phantom-dcmdump");
        var study = StudyCache.Get(Tilted());
        var file = study.WriteDicom(folder.Path)[1];

        var result = ExternalTool.Run("dcmdump", ["-q", file]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"[{study.Identity.PatientName}]", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("(0028,1052) DS [-1024]", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("(0018,1120) DS [12]", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("(0020,0013) IS [2]", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("(7fe0,0010) OW", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Headers_hold_consistent_geometry_and_hu_round_trips()
    {
        using var folder = new TempDirectory("phantom-geometry");
        var study = StudyCache.Get(Tilted());
        var files = study.WriteDicom(folder.Path);

        var datasets = files.Select(f => DicomFile.Open(f).Dataset).ToArray();
        var orientation = datasets[0].GetDoubles(DicomTags.ImageOrientationPatient);
        var row = (orientation[0], orientation[1], orientation[2]);
        var column = (orientation[3], orientation[4], orientation[5]);
        var normal = ((row.Item2 * column.Item3) - (row.Item3 * column.Item2), (row.Item3 * column.Item1) - (row.Item1 * column.Item3), (row.Item1 * column.Item2) - (row.Item2 * column.Item1));
        Assert.Equal(Math.Cos(12 * Math.PI / 180), column.Item2, 5);

        double? previous = null;
        for (var i = 0; i < datasets.Length; i++)
        {
            var ds = datasets[i];
            Assert.Equal(i + 1, ds.GetInt32(DicomTags.InstanceNumber));
            Assert.Equal(DicomSopClass.CTImageStorage, ds.GetString(DicomTags.SOPClassUID));
            Assert.Equal(study.Identity.SeriesInstanceUid, ds.GetString(DicomTags.SeriesInstanceUID));
            Assert.Equal(-1024, ds.GetDouble(DicomTags.RescaleIntercept));
            Assert.Equal(40, ds.GetDouble(DicomTags.WindowCenter));
            var position = ds.GetDoubles(DicomTags.ImagePositionPatient);
            Assert.Equal(position[2], ds.GetDouble(DicomTags.SliceLocation), 3);
            var along = (position[0] * normal.Item1) + (position[1] * normal.Item2) + (position[2] * normal.Item3);
            if (previous is { } p)
            {
                Assert.Equal(2.5, along - p, 3);
            }

            previous = along;
            var hu = HounsfieldUnits.FromDataset(ds);
            var expected = study.HounsfieldSlice(i);
            for (var k = 0; k < hu.Length; k += 97)
            {
                Assert.Equal(expected[k], hu[k]);
            }
        }
    }

    [Fact]
    public void Labels_json_and_mask_file_describe_the_study()
    {
        using var folder = new TempDirectory("phantom-labels");
        var study = StudyCache.Get(Tilted());
        study.WriteDicom(folder.Path);

        using var labels = JsonDocument.Parse(File.ReadAllBytes(folder.Combine("labels.json")));
        var root = labels.RootElement;
        Assert.Equal("isl-phantom-labels/1", root.GetProperty("format").GetString());
        Assert.False(root.GetProperty("normal").GetBoolean());
        var lesion = root.GetProperty("lesions")[0];
        Assert.Equal("subdural-hematoma", lesion.GetProperty("type").GetString());
        Assert.Equal(study.Lesions[0].VolumeMl, lesion.GetProperty("volumeMl").GetDouble());
        Assert.Equal([3, 512, 512], root.GetProperty("mask").GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));

        var masks = MaskFile.Read(folder.Combine("mask.u8.gz"), 3, 512, 512);
        for (var s = 0; s < 3; s++)
        {
            Assert.True(masks[s].AsSpan().SequenceEqual(study.MaskSlice(s)));
        }
    }

    [Fact]
    public void A_truncated_mask_file_is_a_clear_error()
    {
        using var folder = new TempDirectory("phantom-mask");
        var path = folder.Combine("mask.u8.gz");
        MaskFile.Write(path, [new byte[10]]);

        var error = Assert.Throws<PhantomException>(() => MaskFile.Read(path, 1, 4, 4));
        Assert.Contains("mask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_montage_of_a_written_study_is_a_png()
    {
        using var folder = new TempDirectory("phantom-montage");
        StudyCache.Get(Tilted()).WriteDicom(folder.Path);

        var png = MontageBuilder.FromFolders([folder.Path]);

        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(3 * 256 + (2 * 4), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
    }

    [Fact]
    public void A_folder_without_dicom_is_a_clear_error()
    {
        using var folder = new TempDirectory("phantom-empty");
        var error = Assert.Throws<PhantomException>(() => MontageBuilder.FromFolders([folder.Path]));
        Assert.Contains("no .dcm", error.Message, StringComparison.Ordinal);
    }
}

using Isl.Trainer.Data;
using Isl.Trainer.Data.Dicom;

namespace Isl.Trainer.Tests.Data.Dicom;

public sealed class DicomSeriesSelectionTests
{
    private static readonly double[] Axial = [1, 0, 0, 0, 1, 0];
    private static readonly double[] Tilted = [1, 0, 0, 0, Math.Cos(0.32), -Math.Sin(0.32)];
    private static readonly double[] Sagittal = [0, 1, 0, 0, 0, -1];

    private static DicomSliceHeader Slice(string name, string series, double z, double[]? orientation = null, string modality = "CT", params string[] imageType) =>
        new(name, series, name, modality, imageType.Length == 0 ? ["ORIGINAL", "PRIMARY", "AXIAL"] : imageType, orientation ?? Axial, [0, 0, z], "desc");

    [Fact]
    public void KeepsTheLargestAxialCtSeriesOrderedAlongTheNormal()
    {
        var headers = new[]
        {
            Slice("a3", "A", 30), Slice("a1", "A", 10), Slice("a2", "A", 20),
            Slice("b1", "B", 0), Slice("b2", "B", 5),
            Slice("scout", "A", 0, imageType: ["ORIGINAL", "PRIMARY", "LOCALIZER"]),
            Slice("mr", "C", 0, modality: "MR"),
            Slice("sag", "D", 0, Sagittal),
            new DicomSliceHeader("nogeo", "A", "nogeo", "CT", [], null, null, ""),
        };
        var problems = new List<InputProblem>();

        var chosen = DicomSeriesSelection.Select(headers, problems);

        Assert.Equal(["a1", "a2", "a3"], chosen.Select(h => h.Path));
        var reasons = problems.ToDictionary(p => p.Path, p => p.Reason);
        Assert.Contains("localizer", reasons["scout"], StringComparison.Ordinal);
        Assert.Contains("not CT", reasons["mr"], StringComparison.Ordinal);
        Assert.Contains("not an axial", reasons["sag"], StringComparison.Ordinal);
        Assert.Contains("ImageOrientationPatient", reasons["nogeo"], StringComparison.Ordinal);
        Assert.Contains("has more slices", reasons["b1"], StringComparison.Ordinal);
    }

    [Fact]
    public void TiltedGantrySlicesAreAxialAndOrderedByPositionNotName()
    {
        var normal = Slice("x", "T", 0, Tilted).Normal()!;
        var headers = Enumerable.Range(0, 5).Select(i => new DicomSliceHeader($"s{4 - i}", "T", $"s{i}", "CT", [], Tilted, [0, normal[1] * i * 3, normal[2] * i * 3], "")).ToArray();
        var problems = new List<InputProblem>();
        var chosen = DicomSeriesSelection.Select(headers, problems);
        Assert.Empty(problems);
        Assert.Equal(["s4", "s3", "s2", "s1", "s0"], chosen.Select(h => h.Path));
    }
}

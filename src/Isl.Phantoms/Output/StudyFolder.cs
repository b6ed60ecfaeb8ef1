using System.Text.Json;
using Isl.Dicom;
using Isl.Dicom.Imaging;

namespace Isl.Phantoms.Output;

/// <summary>A CT series read back from a folder (ours or any other), slices sorted along the plane normal, with our mask when present.</summary>
public sealed class StudyFolder
{
    private StudyFolder(string path, short[][] hu, byte[][]? masks, int size, IReadOnlyList<(int First, int Last)> lesionRanges)
    {
        Path = path;
        Hounsfield = hu;
        Masks = masks;
        Size = size;
        LesionInstanceRanges = lesionRanges;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>HU per slice (rounded to integers), sorted inferior to superior.</summary>
    public IReadOnlyList<short[]> Hounsfield { get; }

    /// <summary>Our lesion mask per slice when the folder holds labels.json and mask.u8.gz; otherwise null.</summary>
    public IReadOnlyList<byte[]>? Masks { get; }

    /// <summary>Rows = columns of every slice.</summary>
    public int Size { get; }

    /// <summary>First and last InstanceNumber of each lesion in labels.json (empty when none or absent).</summary>
    public IReadOnlyList<(int First, int Last)> LesionInstanceRanges { get; }

    /// <summary>Reads every .dcm file in <paramref name="path"/> (square single-frame CT of one size).</summary>
    /// <exception cref="PhantomException">When the folder is missing, holds no DICOM, or slices differ in size.</exception>
    public static StudyFolder Read(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new PhantomException($"Study folder {path} does not exist.");
        }

        var files = Directory.GetFiles(path, "*.dcm").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new PhantomException($"Study folder {path} holds no .dcm files.");
        }

        var slices = new List<(double Order, int Instance, short[] Hu, int Size)>();
        foreach (var file in files)
        {
            try
            {
                var dataset = DicomFile.Open(file).Dataset;
                var rows = dataset.GetInt32(DicomTags.Rows);
                var columns = dataset.GetInt32(DicomTags.Columns);
                if (rows != columns)
                {
                    throw new PhantomException($"{file} is {columns}×{rows}; montages need square slices.");
                }

                var hu = HounsfieldUnits.FromDataset(dataset);
                var rounded = hu.Select(v => (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue)).ToArray();
                slices.Add((NormalPosition(dataset), dataset.TryGetInt32(DicomTags.InstanceNumber, out var n) ? n : 0, rounded, rows));
            }
            catch (DicomException ex)
            {
                throw new PhantomException($"Cannot read {file} as a CT image: {ex.Message}", ex);
            }
        }

        if (slices.Select(s => s.Size).Distinct().Count() > 1)
        {
            throw new PhantomException($"Slices in {path} differ in size.");
        }

        var ordered = slices.OrderBy(s => s.Order).ThenBy(s => s.Instance).ToList();
        var (masks, ranges) = ReadLabels(path, ordered.Count, ordered[0].Size);
        return new StudyFolder(path, ordered.Select(s => s.Hu).ToArray(), masks, ordered[0].Size, ranges);
    }

    private static double NormalPosition(DicomDataset dataset)
    {
        if (!dataset.Contains(DicomTags.ImagePositionPatient) || !dataset.Contains(DicomTags.ImageOrientationPatient))
        {
            return dataset.TryGetInt32(DicomTags.InstanceNumber, out var n) ? n : 0;
        }

        var p = dataset.GetDoubles(DicomTags.ImagePositionPatient);
        var o = dataset.GetDoubles(DicomTags.ImageOrientationPatient);
        var normal = ((o[1] * o[5]) - (o[2] * o[4]), (o[2] * o[3]) - (o[0] * o[5]), (o[0] * o[4]) - (o[1] * o[3]));
        return (p[0] * normal.Item1) + (p[1] * normal.Item2) + (p[2] * normal.Item3);
    }

    private static (byte[][]? Masks, IReadOnlyList<(int, int)> Ranges) ReadLabels(string path, int slices, int size)
    {
        var labelsPath = System.IO.Path.Combine(path, LabelsDocument.FileName);
        var maskPath = System.IO.Path.Combine(path, MaskFile.FileName);
        if (!File.Exists(labelsPath))
        {
            return (null, []);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(labelsPath));
            var ranges = document.RootElement.GetProperty("lesions").EnumerateArray()
                .Select(l => (l.GetProperty("firstInstance").GetInt32(), l.GetProperty("lastInstance").GetInt32()))
                .ToArray();
            var masks = File.Exists(maskPath) ? MaskFile.Read(maskPath, slices, size, size) : null;
            return (masks, ranges);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PhantomException($"{labelsPath} is not a phantom label file: {ex.Message}", ex);
        }
    }
}

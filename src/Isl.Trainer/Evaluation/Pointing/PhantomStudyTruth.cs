using System.Text.Json;
using Isl.Dicom;
using Isl.Phantoms.Output;

namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>
/// The ground truth of one phantom study folder (from <c>isl-trainer phantoms</c>): its lesions from
/// <c>labels.json</c> and, on demand, the lesion mask of a slice from <c>mask.u8.gz</c>.
/// </summary>
public sealed class PhantomStudyTruth
{
    /// <summary>The label file's name inside a study folder.</summary>
    public const string LabelsFileName = "labels.json";

    private readonly string folder;
    private readonly int slices;
    private byte[][]? masks;
    private Dictionary<int, int>? maskIndexByInstance;

    private PhantomStudyTruth(string folder, bool isNormal, IReadOnlyList<PhantomLesion> lesions, int slices, int rows, int columns)
    {
        this.folder = folder;
        this.slices = slices;
        IsNormal = isNormal;
        Lesions = lesions;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>True for a disorder-free study.</summary>
    public bool IsNormal { get; }

    /// <summary>Every lesion the generator put in the study.</summary>
    public IReadOnlyList<PhantomLesion> Lesions { get; }

    /// <summary>Mask rows (the DICOM slices' rows).</summary>
    public int Rows { get; }

    /// <summary>Mask columns.</summary>
    public int Columns { get; }

    /// <summary>The primary lesions that reach at least one slice.</summary>
    public IEnumerable<PhantomLesion> VisiblePrimaryLesions => Lesions.Where(l => l.IsVisible && l.IsPrimary);

    /// <summary>True when <paramref name="folder"/> holds a phantom <c>labels.json</c>.</summary>
    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, LabelsFileName));

    /// <summary>Reads the study's <c>labels.json</c>; a missing or malformed file is a <see cref="TrainerException"/>.</summary>
    public static PhantomStudyTruth Read(string folder)
    {
        var path = Path.Combine(folder, LabelsFileName);
        if (!File.Exists(path))
        {
            throw new TrainerException($"{folder} is not a phantom study folder: it has no {LabelsFileName} (made by `isl-trainer phantoms`).");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var geometry = root.GetProperty("geometry");
            var lesions = root.GetProperty("lesions").EnumerateArray()
                .Select(l => new PhantomLesion(
                    l.GetProperty("maskValue").GetInt32(),
                    l.GetProperty("type").GetString() ?? "unknown",
                    l.GetProperty("size").GetString() ?? "unknown",
                    l.GetProperty("volumeMl").GetDouble() > 0 && l.GetProperty("firstInstance").GetInt32() >= 1,
                    !l.TryGetProperty("parentMaskValue", out _)))
                .ToArray();
            return new PhantomStudyTruth(folder, root.GetProperty("normal").GetBoolean(), lesions, geometry.GetProperty("slices").GetInt32(), geometry.GetProperty("rows").GetInt32(), geometry.GetProperty("columns").GetInt32());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new TrainerException($"{path} is not a phantom label file: {ex.Message}", ex);
        }
    }

    /// <summary>The lesion mask (0 = none, else a lesion's mask value) of the slice stored in <paramref name="dicomFile"/>.</summary>
    public byte[] MaskOf(string dicomFile)
    {
        if (masks is null || maskIndexByInstance is null)
        {
            var maskPath = Path.Combine(folder, MaskFile.FileName);
            if (!File.Exists(maskPath))
            {
                throw new TrainerException($"{folder} has no {MaskFile.FileName}: the pointing game needs the lesion masks.");
            }

            try
            {
                masks = MaskFile.Read(maskPath, slices, Rows, Columns);
            }
            catch (Isl.Phantoms.PhantomException ex)
            {
                throw new TrainerException(ex.Message, ex);
            }

            // The mask volume is in InstanceNumber order.
            var instances = Directory.GetFiles(folder, "*.dcm").Select(InstanceNumber).Order().ToArray();
            maskIndexByInstance = instances.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        }

        return maskIndexByInstance.TryGetValue(InstanceNumber(dicomFile), out var index) && index < masks.Length
            ? masks[index]
            : throw new TrainerException($"{dicomFile} has no slice in {folder}'s lesion mask.");
    }

    private static int InstanceNumber(string dicomFile)
    {
        try
        {
            return DicomFile.Open(dicomFile).Dataset.TryGetInt32(DicomTags.InstanceNumber, out var n)
                ? n
                : throw new TrainerException($"{dicomFile} has no InstanceNumber; the phantom mask cannot be matched to it.");
        }
        catch (DicomException ex)
        {
            throw new TrainerException($"Cannot read {dicomFile}: {ex.Message}", ex);
        }
    }
}

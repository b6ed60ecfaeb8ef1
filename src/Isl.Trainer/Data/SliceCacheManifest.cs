using Isl.Model.Preprocessing;

namespace Isl.Trainer.Data;

/// <summary>
/// The <c>cache.json</c> of a slice cache folder. The folder holds:
/// <list type="bullet">
/// <item><c>cache.json</c> — this manifest (format <c>isl-slice-cache</c>, version 1);</item>
/// <item><c>slices.f32</c> — every slice as <c>Channels × Height × Width</c> float32 little-endian values in [0, 1],
/// row-major, slices back to back in <see cref="Slices"/> order (so slice i starts at byte i·C·H·W·4);</item>
/// <item><c>masks.u8</c> — every slice's head mask (the effective area) as <c>Height × Width</c> bytes, 1 inside
/// the head and 0 outside, in the same order;</item>
/// <item><c>rejected.csv</c> — <c>path,reason</c> of every input that was skipped.</item>
/// </list>
/// </summary>
public sealed record SliceCacheManifest
{
    /// <summary>The format name written in every cache.</summary>
    public const string FormatName = "isl-slice-cache";

    /// <summary>The current format version.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The format version.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary><c>png-gray</c> (pre-windowed 8-bit images, 1 channel) or <c>dicom-windows</c> (HU through the windows of <see cref="Preprocessing"/>).</summary>
    public required string Mode { get; init; }

    /// <summary>Slice width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Slice height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Channels per slice (1 for PNG, one per window for DICOM).</summary>
    public required int Channels { get; init; }

    /// <summary>The model engine's preprocessing that made the slices (mode, size, windows, mask threshold); a bundle trained on this cache records it.</summary>
    public required PreprocessingSettings Preprocessing { get; init; }

    /// <summary>True when every slice has its own label; false when labels are per scan (DICOM study labels).</summary>
    public bool SliceLevelLabels { get; init; } = true;

    /// <summary>The label columns the entries' labels follow.</summary>
    public IReadOnlyList<string> LabelNames { get; init; } = [];

    /// <summary>Where the inputs came from.</summary>
    public string SourceDirectory { get; init; } = "";

    /// <summary>The name of the data file in the folder.</summary>
    public string DataFile { get; init; } = "slices.f32";

    /// <summary>The name of the mask file in the folder.</summary>
    public string MaskFile { get; init; } = "masks.u8";

    /// <summary>The slices, in data-file order.</summary>
    public IReadOnlyList<SliceEntry> Slices { get; init; } = [];

    /// <summary>The inputs that were skipped, with reasons.</summary>
    public IReadOnlyList<InputProblem> Rejected { get; init; } = [];

    /// <summary>Floats per slice.</summary>
    public int ValuesPerSlice => Channels * Height * Width;

    /// <summary>Mask bytes per slice.</summary>
    public int PixelsPerSlice => Height * Width;
}

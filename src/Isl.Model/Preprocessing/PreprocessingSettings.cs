using System.Text.Json.Serialization;

namespace Isl.Model.Preprocessing;

/// <summary>How raw slices become model input; stored in the bundle so scoring matches training.</summary>
public sealed record PreprocessingSettings
{
    /// <summary>HU windows or 8-bit gray.</summary>
    [JsonPropertyName("mode")]
    [JsonConverter(typeof(JsonStringEnumConverter<InputMode>))]
    public InputMode Mode { get; init; } = InputMode.HuWindows;

    /// <summary>Model input size (square, pixels).</summary>
    [JsonPropertyName("size")]
    public int Size { get; init; } = 128;

    /// <summary>Windows, one channel each (HU mode only).</summary>
    [JsonPropertyName("windows")]
    public IReadOnlyList<HuWindow> Windows { get; init; } = HuWindow.Default;

    /// <summary>Head-mask threshold: HU in HU mode, intensity in [0, 1] in gray mode.</summary>
    [JsonPropertyName("maskThreshold")]
    public float MaskThreshold { get; init; } = -300f;

    /// <summary>
    /// Gray mode: the HU window (level/width) the 8-bit images were made with, so HU slices (DICOM) can be windowed the
    /// same way and scored by this bundle; null when unknown (such a bundle scores gray images only).
    /// </summary>
    [JsonPropertyName("sourceWindow")]
    public HuWindow? SourceWindow { get; init; }

    /// <summary>What counts: the whole head (the paper) or the intracranial region only.</summary>
    [JsonPropertyName("effectiveArea")]
    [JsonConverter(typeof(JsonStringEnumConverter<EffectiveArea>))]
    public EffectiveArea EffectiveArea { get; init; } = EffectiveArea.Head;

    /// <summary>Intracranial mode: slices whose intracranial area is below this share of the model image are not scored.</summary>
    [JsonPropertyName("minIntracranialFraction")]
    public double MinIntracranialFraction { get; init; } = 0.04;

    /// <summary>The slice thickness (mm) the model was trained at; thinner series are scored as slabs of this thickness.</summary>
    [JsonPropertyName("sliceThicknessMm")]
    public double SliceThicknessMm { get; init; } = 5;

    /// <summary>Whether a slice with this effective-area share counts (is trained on and scored): always in head mode
    /// (the paper scores every slice), at least <see cref="MinIntracranialFraction"/> in intracranial mode.</summary>
    public bool CountsSlice(double areaFraction) => EffectiveArea != EffectiveArea.Intracranial || areaFraction >= MinIntracranialFraction;

    /// <summary>Why HU slices (DICOM) cannot be prepared with these settings, or null when they can.</summary>
    public string? HuInputProblem() => Mode == InputMode.Gray8 && SourceWindow is null
        ? "the bundle was trained on 8-bit gray images and does not record the HU window they were made with, so it cannot score DICOM (HU) slices; retrain it with a source window (isl-trainer prepare --source-window LEVEL/WIDTH)"
        : null;

    /// <summary>
    /// The HU window model channel 0 is made with: the source window of a gray bundle (the mask window when unknown), or
    /// the first window of an HU bundle.
    /// </summary>
    [JsonIgnore]
    public HuWindow ChannelZeroWindow => Mode == InputMode.Gray8 ? SourceWindow ?? IntracranialMask.MaskWindow : Windows[0];

    /// <summary>
    /// The model channel in which bone is told from soft tissue (and blood), and the level from which a pixel there is
    /// bone: a gray bundle's only channel at <see cref="IntracranialMask.BoneLevel"/> (its window saturates just above
    /// blood); for HU windows the widest one (the bone window, which does not saturate at blood) at
    /// <see cref="IntracranialMask.HeatmapBoneHu"/>, above the densest acute clot.
    /// </summary>
    [JsonIgnore]
    public (int Channel, float Level) Bone
    {
        get
        {
            if (Mode == InputMode.Gray8 || Windows.Count == 0)
            {
                return (0, IntracranialMask.BoneLevel(ChannelZeroWindow));
            }

            var widest = Enumerable.Range(0, Windows.Count).MaxBy(i => Windows[i].Width);
            return (widest, Windows[widest].Apply((float)IntracranialMask.HeatmapBoneHu));
        }
    }

    /// <summary>
    /// The intracranial mask (1 inside, size × size) of one model image's <see cref="Bone"/> channel: a gray bundle's
    /// channel as made with its window, or an HU bundle's bone window mapped back to HU (it does not clip between air
    /// and bone), by the same <see cref="IntracranialMask"/> the brain-only bundles use at full size.
    /// </summary>
    public float[] IntracranialAtModelSize(ReadOnlySpan<float> boneChannel, int size)
    {
        if (Mode == InputMode.Gray8 || Windows.Count == 0)
        {
            return IntracranialMask.Compute(boneChannel, size, size, ChannelZeroWindow);
        }

        var window = Windows[Bone.Channel];
        var hu = new float[boneChannel.Length];
        for (var i = 0; i < hu.Length; i++)
        {
            hu[i] = window.ToHu(boneChannel[i]);
        }

        return IntracranialMask.FromHu(hu, size, size);
    }

    /// <summary>Number of model channels this setting yields.</summary>
    [JsonIgnore]
    public int Channels => Mode == InputMode.Gray8 ? 1 : Windows.Count;

    /// <summary>Defaults for 8-bit gray image sets.</summary>
    public static PreprocessingSettings ForGray(int size) => new() { Mode = InputMode.Gray8, Size = size, Windows = [], MaskThreshold = 0.08f };

    /// <summary>Defaults for HU (DICOM) input with the paper's three windows.</summary>
    public static PreprocessingSettings ForHu(int size) => new() { Mode = InputMode.HuWindows, Size = size };

    /// <summary>Throws when the settings cannot work.</summary>
    public void Validate()
    {
        if (Size < 16 || Size % 4 != 0)
        {
            throw new IslModelException($"Model size {Size} must be a multiple of 4 and at least 16.");
        }

        if (Mode == InputMode.HuWindows && (Windows.Count == 0 || Windows.Any(w => w.Width <= 0)))
        {
            throw new IslModelException("HU mode needs at least one window with a positive width.");
        }

        if (SourceWindow is { Width: <= 0 })
        {
            throw new IslModelException("The source window needs a positive width.");
        }

        if (MinIntracranialFraction is < 0 or >= 1 || SliceThicknessMm <= 0 || double.IsNaN(MinIntracranialFraction) || double.IsNaN(SliceThicknessMm))
        {
            throw new IslModelException("The minimum intracranial fraction must lie in [0, 1) and the slice thickness must be positive.");
        }
    }
}

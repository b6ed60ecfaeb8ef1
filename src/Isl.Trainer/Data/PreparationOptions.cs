using Isl.Model.Preprocessing;

namespace Isl.Trainer.Data;

/// <summary>What <c>prepare</c> makes of its inputs.</summary>
public sealed record PreparationOptions
{
    /// <summary>The square slice size in pixels.</summary>
    public int Size { get; init; } = 128;

    /// <summary>Which labelled inputs to keep.</summary>
    public SliceSelection Selection { get; init; } = SliceSelection.All;

    /// <summary>An optional k-fold split applied after <see cref="Selection"/> (by scan name).</summary>
    public FoldSelection? Fold { get; init; }

    /// <summary>The HU windows (DICOM inputs only), one channel each.</summary>
    public IReadOnlyList<HuWindow> Windows { get; init; } = HuWindow.Default;

    /// <summary>The head-mask threshold of gray (PNG) inputs, as an intensity in [0, 1].</summary>
    public float GrayMaskThreshold { get; init; } = 0.08f;

    /// <summary>The head-mask threshold of DICOM inputs, in HU.</summary>
    public float HuMaskThreshold { get; init; } = -300f;

    /// <summary>Gray inputs: the HU window (level/width) the images were made with, recorded so the bundle scores DICOM too.</summary>
    public HuWindow? SourceWindow { get; init; }

    /// <summary>What counts for x_dif, the DRN, heatmaps and APDS: the whole head (the paper) or the intracranial region.</summary>
    public EffectiveArea EffectiveArea { get; init; } = EffectiveArea.Head;

    /// <summary>Intracranial mode: slices with a smaller intracranial share of the image are not trained on nor scored.</summary>
    public double MinIntracranialFraction { get; init; } = 0.04;

    /// <summary>Exact preprocessing to use instead of the settings above (e.g. a bundle's, so scoring matches training).</summary>
    public PreprocessingSettings? Preprocessing { get; init; }

    /// <summary>Scans with fewer usable slices are skipped (DICOM inputs only).</summary>
    public int MinimumSlices { get; init; } = 1;

    /// <summary>Fails clearly on impossible settings.</summary>
    public void Validate()
    {
        if (Size is < 16 or > 1024 || Size % 4 != 0)
        {
            throw new TrainerException($"The slice size must be a multiple of 4 between 16 and 1024 pixels; got {Size}.");
        }

        if (MinimumSlices < 1)
        {
            throw new TrainerException($"The minimum slice count must be at least 1; got {MinimumSlices}.");
        }

        Fold?.Validate();
    }

    /// <summary>The model engine's preprocessing settings for <paramref name="mode"/>.</summary>
    public PreprocessingSettings ToSettings(InputMode mode) => Preprocessing is { } fixedSettings
        ? (fixedSettings.Mode == mode ? fixedSettings : throw new TrainerException($"The model expects {Describe(fixedSettings.Mode)} but the data is {Describe(mode)}."))
        : mode == InputMode.Gray8
        ? PreprocessingSettings.ForGray(Size) with { MaskThreshold = GrayMaskThreshold, SourceWindow = SourceWindow, EffectiveArea = EffectiveArea, MinIntracranialFraction = MinIntracranialFraction }
        : PreprocessingSettings.ForHu(Size) with { Windows = Windows, MaskThreshold = HuMaskThreshold, EffectiveArea = EffectiveArea, MinIntracranialFraction = MinIntracranialFraction };

    private static string Describe(InputMode mode) => mode == InputMode.Gray8 ? "8-bit gray images (PNG)" : "HU slices (DICOM)";
}

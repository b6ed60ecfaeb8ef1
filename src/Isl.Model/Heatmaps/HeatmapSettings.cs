using System.Text.Json.Serialization;

namespace Isl.Model.Heatmaps;

/// <summary>
/// Heatmap post-processing of the residual x − x_dd. <see cref="Polarity"/> says which residual counts: its magnitude
/// (the paper's x_dif) or only where the image is brighter than its reconstruction (hyperdense, as acute blood is).
/// <c>paper</c>: threshold t, s×s box smoothing, exponential enhancement (the paper's §heatmap). <c>calibrated</c>: s×s
/// box smoothing, then the excess over the bundle's normal residual statistics as a z-score, mapped linearly from
/// <see cref="ZLow"/> (nothing) to <see cref="ZHigh"/> (full).
/// </summary>
public sealed record HeatmapSettings
{
    /// <summary>The paper's post-processing.</summary>
    public const string PaperMode = "paper";

    /// <summary>The excess over the bundle's normal residual statistics.</summary>
    public const string CalibratedMode = "calibrated";

    /// <summary>The paper's x_dif = |x − x_dd|: any departure from the reconstruction.</summary>
    public const string AbsolutePolarity = "absolute";

    /// <summary>Only x − x_dd &gt; 0: where the slice is denser than the normal reconstruction (acute hemorrhage).</summary>
    public const string BrighterPolarity = "brighter";

    /// <summary><see cref="PaperMode"/> or <see cref="CalibratedMode"/> (needs the bundle's normal residual file).</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = PaperMode;

    /// <summary><see cref="AbsolutePolarity"/> (the paper, default) or <see cref="BrighterPolarity"/>. Slice and scan scores never depend on it.</summary>
    [JsonPropertyName("polarity")]
    public string Polarity { get; init; } = AbsolutePolarity;

    /// <summary>Calibrated mode: normal statistics per pixel position (the default).</summary>
    public const string PositionReference = "position";

    /// <summary>Calibrated mode: one mean and spread over the whole effective area of the normal slices.</summary>
    public const string AreaReference = "area";

    /// <summary>
    /// Calibrated mode: what the normal statistics describe — each pixel position over the normal slices
    /// (<see cref="PositionReference"/>) or the whole area at once (<see cref="AreaReference"/>; robust where anatomy does
    /// not line up from scan to scan).
    /// </summary>
    [JsonPropertyName("reference")]
    public string Reference { get; init; } = PositionReference;

    /// <summary>
    /// True: pixels that are bone in the model image (<see cref="Preprocessing.PreprocessingSettings.Bone"/>: a gray
    /// bundle's channel at <see cref="Preprocessing.IntracranialMask.BoneHu"/>, an HU bundle's bone window at
    /// <see cref="Preprocessing.IntracranialMask.HeatmapBoneHu"/>) are never coloured — bone islands the intracranial mask encloses (skull base, petrous ridge) would otherwise draw
    /// the maximum. False (the paper): every pixel of the effective area may be coloured.
    /// </summary>
    [JsonPropertyName("excludeBone")]
    public bool ExcludeBone { get; init; }

    /// <summary>
    /// True: only the skull's interior is ever coloured, even when the bundle scores the whole head (the paper's
    /// effective area): the intracranial mask is found again at model size from the model image
    /// (<see cref="Preprocessing.PreprocessingSettings.IntracranialAtModelSize"/>). False (the paper): the effective area.
    /// Brain-only bundles colour only the brain either way.
    /// </summary>
    [JsonPropertyName("intracranialOnly")]
    public bool IntracranialOnly { get; init; }

    /// <summary>Calibrated mode: the z-score below which a pixel shows nothing (the heatmap's calibrated threshold).</summary>
    [JsonPropertyName("zLow")]
    public double ZLow { get; init; } = 3;

    /// <summary>Calibrated mode: the z-score at which a pixel shows full strength.</summary>
    [JsonPropertyName("zHigh")]
    public double ZHigh { get; init; } = 8;

    /// <summary>Threshold t: difference values below it are zeroed.</summary>
    [JsonPropertyName("threshold")]
    public double Threshold { get; init; } = 0.1;

    /// <summary>Box size s (odd) of the s×s smoothing.</summary>
    [JsonPropertyName("smoothing")]
    public int Smoothing { get; init; } = 5;

    /// <summary>Enhancement strength β: H = (exp(β·m) − 1) / (exp(β) − 1), which keeps [0, 1] and stresses strong residues.</summary>
    [JsonPropertyName("enhancement")]
    public double Enhancement { get; init; } = 4.0;

    /// <summary>
    /// The strength (<see cref="HeatmapResult.Strength"/>) above which a pixel of the heatmap area shows colour: the
    /// calibrated threshold <see cref="ZLow"/> in calibrated mode, zero in the paper's mode (whose strength is the map).
    /// </summary>
    [JsonIgnore]
    public double ColourLevel => Mode == CalibratedMode ? ZLow : 0;

    /// <summary>Throws when the settings are unusable.</summary>
    public void Validate()
    {
        if (Threshold < 0 || Threshold >= 1 || Smoothing < 1 || Smoothing % 2 == 0 || Enhancement <= 0)
        {
            throw new IslModelException("Heatmap needs 0 ≤ t < 1, an odd smoothing size ≥ 1 and a positive enhancement.");
        }

        if (Mode is not (PaperMode or CalibratedMode) || !(ZHigh > ZLow) || double.IsNaN(ZLow))
        {
            throw new IslModelException($"Heatmap mode must be '{PaperMode}' or '{CalibratedMode}' with zHigh > zLow; got '{Mode}' ({ZLow}, {ZHigh}).");
        }

        if (Polarity is not (AbsolutePolarity or BrighterPolarity) || Reference is not (PositionReference or AreaReference))
        {
            throw new IslModelException($"Heatmap polarity must be '{AbsolutePolarity}' or '{BrighterPolarity}' and reference '{PositionReference}' or '{AreaReference}'; got '{Polarity}', '{Reference}'.");
        }
    }
}

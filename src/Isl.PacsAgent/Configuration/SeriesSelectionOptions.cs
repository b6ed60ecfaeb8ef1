namespace Isl.PacsAgent.Configuration;

/// <summary>Which series of a study the model may score (configuration section <c>SeriesSelection</c>), per the paper.</summary>
public sealed class SeriesSelectionOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "SeriesSelection";

    /// <summary>Fewest slices a series must have.</summary>
    public int MinSlices { get; set; } = 16;

    /// <summary>Thinnest accepted slice thickness in mm.</summary>
    public double MinSliceThicknessMm { get; set; } = 0.5;

    /// <summary>Thickest accepted slice thickness in mm.</summary>
    public double MaxSliceThicknessMm { get; set; } = 10;

    /// <summary>Largest angle in degrees between the slice normal and the patient's foot-head axis (gantry tilt is allowed).</summary>
    public double MaxAxialTiltDegrees { get; set; } = 30;

    /// <summary>
    /// Whether contrast-enhanced series may be scored. The model is trained on non-contrast head CT, so by default such a
    /// series is outside the intended use and not analysed.
    /// </summary>
    public bool AllowContrast { get; set; }

    /// <summary>
    /// A regular expression (case-insensitive) that marks a series as contrast-enhanced when its SeriesDescription
    /// matches, for scanners that leave Contrast/Bolus Agent empty (e.g. "4cc sec 150cc"); empty disables the check.
    /// </summary>
    public string ContrastDescriptionPattern { get; set; } = DefaultContrastDescriptionPattern;

    /// <summary>The contrast description pattern used when none is configured.</summary>
    public const string DefaultContrastDescriptionPattern = @"C\+|contrast|cc ?sec";

    /// <summary>
    /// A regular expression (case-insensitive) for descriptions and Contrast/Bolus Agent values that state the absence of
    /// contrast ("HEAD WO CONTRAST", "NON-CONTRAST", an agent of "NONE"): they overrule <see cref="ContrastDescriptionPattern"/>;
    /// empty disables it.
    /// </summary>
    public string NonContrastPattern { get; set; } = DefaultNonContrastPattern;

    /// <summary>The non-contrast pattern used when none is configured.</summary>
    public const string DefaultNonContrastPattern = @"\b(non|no|wo|w/o|without|sans|ohne)[ -]*(contrast|kontrast|km|cm)\b|^\s*(none|no|n|nil|-+|0)\s*$";

    /// <summary>BodyPartExamined values that mean head (case-insensitive); empty means <see cref="DefaultHeadBodyParts"/>.</summary>
    /// <remarks>Lists start empty because the configuration binder appends to, never replaces, a list's items.</remarks>
    public IList<string> HeadBodyParts { get; } = [];

    /// <summary>Words in the series or study description that mean head when BodyPartExamined is absent; empty means <see cref="DefaultHeadDescriptionKeywords"/>.</summary>
    public IList<string> HeadDescriptionKeywords { get; } = [];

    /// <summary>Words in ImageType or the series description that mean derived angiography, perfusion or other reconstructions; empty means <see cref="DefaultExcludedKeywords"/>.</summary>
    public IList<string> ExcludedKeywords { get; } = [];

    /// <summary>The head body parts used when none are configured.</summary>
    public static IReadOnlyList<string> DefaultHeadBodyParts { get; } = ["HEAD", "BRAIN", "SKULL", "CEREBRUM"];

    /// <summary>The head description keywords used when none are configured.</summary>
    public static IReadOnlyList<string> DefaultHeadDescriptionKeywords { get; } = ["HEAD", "BRAIN", "CRANE", "CRANIO", "SCHAEDEL", "SCHÄDEL", "CEREBR", "NCCT"];

    /// <summary>The exclusion keywords used when none are configured.</summary>
    public static IReadOnlyList<string> DefaultExcludedKeywords { get; } = ["ANGIO", "CTA", "PERFUSION", "CTP", "MIP", "MPR", "VRT", "CBF", "CBV", "TTP", "MTT", "TMAX"];

    /// <summary>The head body parts in effect.</summary>
    public IReadOnlyList<string> EffectiveHeadBodyParts => HeadBodyParts.Count > 0 ? [.. HeadBodyParts] : DefaultHeadBodyParts;

    /// <summary>The head description keywords in effect.</summary>
    public IReadOnlyList<string> EffectiveHeadDescriptionKeywords => HeadDescriptionKeywords.Count > 0 ? [.. HeadDescriptionKeywords] : DefaultHeadDescriptionKeywords;

    /// <summary>The exclusion keywords in effect.</summary>
    public IReadOnlyList<string> EffectiveExcludedKeywords => ExcludedKeywords.Count > 0 ? [.. ExcludedKeywords] : DefaultExcludedKeywords;
}

namespace Isl.Reports;

/// <summary>How heatmap images look: the CT window under the overlay and the overlay's strength.</summary>
public sealed record HeatmapRenderOptions
{
    /// <summary>Window centre in HU of the gray CT background (brain window).</summary>
    public double WindowCenter { get; init; } = 40;

    /// <summary>Window width in HU of the gray CT background (brain window).</summary>
    public double WindowWidth { get; init; } = 80;

    /// <summary>Heat values below this leave the CT pixel untouched (no colour noise over healthy tissue).</summary>
    public double MinimumHeat { get; init; } = 0.1;

    /// <summary>The overlay's opacity at heat 1; it falls linearly to 0 at <see cref="MinimumHeat"/>.</summary>
    public double MaximumOpacity { get; init; } = 0.6;

    /// <summary>The first banner line, burned into every image.</summary>
    public string BannerText { get; init; } = "AI TRIAGE — NOT FOR DIAGNOSTIC USE";
}

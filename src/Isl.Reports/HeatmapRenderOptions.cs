namespace Isl.Reports;

/// <summary>How heatmap images look: the CT window under the overlay and the overlay's strength.</summary>
public sealed record HeatmapRenderOptions
{
    /// <summary>Window centre in HU of the gray CT background (brain window).</summary>
    public double WindowCenter { get; init; } = 40;

    /// <summary>Window width in HU of the gray CT background (brain window).</summary>
    public double WindowWidth { get; init; } = 80;

    /// <summary>
    /// Heat at or below this leaves the CT pixel untouched. 0: colour exactly where the heatmap is positive (a calibrated
    /// heatmap is 0 wherever the residual is within normal variation), and the contour is drawn at that edge.
    /// </summary>
    public double MinimumHeat { get; init; }

    /// <summary>The overlay's opacity just above <see cref="MinimumHeat"/>, so that a weak but real excess is visible.</summary>
    public double MinimumOpacity { get; init; } = 0.35;

    /// <summary>The overlay's opacity at heat 1; it rises linearly from <see cref="MinimumOpacity"/>.</summary>
    public double MaximumOpacity { get; init; } = 0.7;

    /// <summary>Whether a contour is drawn where the heat crosses <see cref="MinimumHeat"/> (the heatmap's threshold).</summary>
    public bool Contour { get; init; } = true;

    /// <summary>The first banner line, burned into every image.</summary>
    public string BannerText { get; init; } = "AI TRIAGE — NOT FOR DIAGNOSTIC USE";
}

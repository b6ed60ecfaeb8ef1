namespace Isl.Trainer.Data;

/// <summary>A CT display window in Hounsfield units; maps [center − width/2, center + width/2] to [0, 1].</summary>
/// <param name="Center">The window level (HU).</param>
/// <param name="Width">The window width (HU), positive.</param>
public sealed record IntensityWindow(double Center, double Width)
{
    /// <summary>The paper's three windows: brain 40/80, blood 80/200, bone 600/2800.</summary>
    public static IReadOnlyList<IntensityWindow> PaperDefaults { get; } = [new(40, 80), new(80, 200), new(600, 2800)];

    /// <summary>Parses <c>"40/80,80/200"</c> (center/width pairs).</summary>
    public static IReadOnlyList<IntensityWindow> ParseList(string text)
    {
        var windows = new List<IntensityWindow>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('/');
            if (pieces.Length != 2 || !double.TryParse(pieces[0], out var center) || !double.TryParse(pieces[1], out var width) || width <= 0)
            {
                throw new TrainerException($"The window '{part}' is not 'center/width' with a positive width (e.g. 40/80).");
            }

            windows.Add(new IntensityWindow(center, width));
        }

        if (windows.Count == 0)
        {
            throw new TrainerException("At least one window 'center/width' is needed (e.g. 40/80,80/200,600/2800).");
        }

        return windows;
    }

    /// <summary>The windowed value in [0, 1] of <paramref name="hounsfield"/>.</summary>
    public float Apply(float hounsfield)
    {
        var low = Center - (Width / 2);
        return (float)Math.Clamp((hounsfield - low) / Width, 0, 1);
    }
}

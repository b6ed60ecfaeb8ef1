using System.Globalization;
using Isl.Model.Preprocessing;

namespace Isl.Trainer.Data;

/// <summary>Parses HU window lists written as <c>center/width</c> pairs, e.g. <c>40/80,80/200,600/2800</c>.</summary>
public static class HuWindowList
{
    /// <summary>The windows of <paramref name="text"/>; a clear error for anything else.</summary>
    public static IReadOnlyList<HuWindow> Parse(string text)
    {
        var windows = new List<HuWindow>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('/');
            if (pieces.Length != 2
                || !double.TryParse(pieces[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var center)
                || !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
                || width <= 0)
            {
                throw new TrainerException($"The window '{part}' is not 'center/width' with a positive width (e.g. 40/80).");
            }

            windows.Add(new HuWindow(center, width));
        }

        if (windows.Count == 0)
        {
            throw new TrainerException("At least one window 'center/width' is needed (e.g. 40/80,80/200,600/2800).");
        }

        return windows;
    }
}

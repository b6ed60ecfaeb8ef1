using System.Text.Json.Serialization;

namespace Isl.Model.Preprocessing;

/// <summary>A display window (level/width in HU) that maps HU to one [0, 1] channel.</summary>
/// <param name="Center">Window level in HU.</param>
/// <param name="Width">Window width in HU (positive).</param>
public sealed record HuWindow(
    [property: JsonPropertyName("center")] double Center,
    [property: JsonPropertyName("width")] double Width)
{
    /// <summary>Brain window, WL 40 / WW 80.</summary>
    public static HuWindow Brain { get; } = new(40, 80);

    /// <summary>Blood window, WL 80 / WW 200.</summary>
    public static HuWindow Blood { get; } = new(80, 200);

    /// <summary>Bone window, WL 600 / WW 2800.</summary>
    public static HuWindow Bone { get; } = new(600, 2800);

    /// <summary>The paper's three windows (brain, blood, bone).</summary>
    public static IReadOnlyList<HuWindow> Default { get; } = [Brain, Blood, Bone];

    /// <summary>Maps one HU value into [0, 1].</summary>
    public float Apply(float hu)
    {
        var low = Center - (Width / 2);
        var v = (hu - low) / Width;
        return (float)Math.Clamp(v, 0.0, 1.0);
    }

    /// <summary>The HU value a channel value in [0, 1] stands for (exact wherever <see cref="Apply"/> did not clip).</summary>
    public float ToHu(float value) => (float)(Center - (Width / 2) + (value * Width));
}

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
    }
}

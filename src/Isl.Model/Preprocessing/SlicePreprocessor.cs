using Isl.Model.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Isl.Model.Preprocessing;

/// <summary>
/// Turns HU slices or gray images into <see cref="PreparedSlice"/>s: windows → channels, zero outside the head, the
/// effective-area mask (head or intracranial), pad to square, resample.
/// </summary>
public sealed class SlicePreprocessor
{
    private readonly PreprocessingSettings settings;

    /// <summary>Creates a preprocessor for the given settings.</summary>
    public SlicePreprocessor(PreprocessingSettings settings)
    {
        settings.Validate();
        this.settings = settings;
    }

    /// <summary>The settings in use.</summary>
    public PreprocessingSettings Settings => settings;

    /// <summary>
    /// Prepares one HU slice (row-major, rows × columns): through the bundle's HU windows, or, for a bundle trained on
    /// pre-windowed gray images, through the window those images were made with (so DICOM and PNG/JPEG score alike).
    /// </summary>
    public PreparedSlice FromHu(float[] hu, int rows, int columns)
    {
        new GrayImage(hu, rows, columns).Validate();
        if (settings.Mode == InputMode.Gray8)
        {
            var window = settings.SourceWindow ?? throw new IslModelException($"This model cannot score HU slices: {settings.HuInputProblem()}.");
            var gray = new float[hu.Length];
            for (var i = 0; i < hu.Length; i++)
            {
                gray[i] = window.Apply(hu[i]);
            }

            return FromGray(new GrayImage(gray, rows, columns));
        }

        var head = HeadMask.Compute(hu, rows, columns, settings.MaskThreshold);
        var channels = new float[settings.Windows.Count * hu.Length];
        for (var c = 0; c < settings.Windows.Count; c++)
        {
            var window = settings.Windows[c];
            var offset = c * hu.Length;
            for (var i = 0; i < hu.Length; i++)
            {
                channels[offset + i] = window.Apply(hu[i]) * head[i];
            }
        }

        var effective = settings.EffectiveArea == EffectiveArea.Intracranial ? IntracranialMask.FromHu(hu, rows, columns) : head;
        return Resample(channels, effective, settings.Windows.Count, rows, columns);
    }

    /// <summary>Prepares one pre-windowed gray image.</summary>
    public PreparedSlice FromGray(GrayImage image)
    {
        if (settings.Mode != InputMode.Gray8)
        {
            throw new IslModelException("This model expects HU slices (DICOM), not 8-bit gray images.");
        }

        image.Validate();
        var head = HeadMask.Compute(image.Pixels, image.Rows, image.Columns, settings.MaskThreshold);
        var pixels = new float[image.Pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = image.Pixels[i] * head[i];
        }

        var effective = settings.EffectiveArea == EffectiveArea.Intracranial ? IntracranialMask.Compute(image.Pixels, image.Rows, image.Columns, settings.ChannelZeroWindow) : head;
        return Resample(pixels, effective, 1, image.Rows, image.Columns);
    }

    private PreparedSlice Resample(float[] channels, float[] mask, int channelCount, int rows, int columns)
    {
        using var scope = NewDisposeScope();
        var side = Math.Max(rows, columns);
        int top = (side - rows) / 2, left = (side - columns) / 2;
        var image = tensor(channels).reshape(1, channelCount, rows, columns);
        var m = tensor(mask).reshape(1, 1, rows, columns);
        var padding = new long[] { left, side - columns - left, top, side - rows - top };
        image = nn.functional.pad(image, padding, PaddingModes.Constant, 0);
        m = nn.functional.pad(m, padding, PaddingModes.Constant, 0);
        var size = new long[] { settings.Size, settings.Size };
        var downscale = side > settings.Size;
        var resized = nn.functional.interpolate(image, size, mode: InterpolationMode.Bilinear, align_corners: false, antialias: downscale).Between(0, 1);
        var resizedMask = nn.functional.interpolate(m, size, mode: InterpolationMode.Bilinear, align_corners: false).AtLeastMask(0.5).to_type(ScalarType.Float32);
        return new PreparedSlice(resized.data<float>().ToArray(), resizedMask.data<float>().ToArray(), channelCount, settings.Size);
    }
}

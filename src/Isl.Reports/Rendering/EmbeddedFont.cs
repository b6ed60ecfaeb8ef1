using SkiaSharp;

namespace Isl.Reports.Rendering;

/// <summary>The banner typeface, loaded from the assembly so that no host font or fontconfig is needed.</summary>
internal static class EmbeddedFont
{
    private const string ResourceName = "Isl.Reports.Fonts.DejaVuSansMono-Bold.ttf";
    private static readonly Lazy<SKTypeface> Loaded = new(Load);

    public static SKTypeface Typeface => Loaded.Value;

    private static SKTypeface Load()
    {
        using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new TriageReportException($"The embedded font {ResourceName} is missing from the assembly.");
        using var data = SKData.Create(stream);
        var typeface = SKTypeface.FromData(data);
        if (typeface is null || typeface.GlyphCount == 0)
        {
            throw new TriageReportException($"The embedded font {ResourceName} could not be loaded by Skia.");
        }

        return typeface;
    }
}

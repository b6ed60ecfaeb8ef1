using SkiaSharp;

namespace Isl.PacsAgent.Tests.Viewer;

public sealed class ScreenshotColourTests
{
    // A 512 × 512 CT part drawn at 1.3 screen pixels per image pixel into the left of a wider canvas, as OHIF leaves it
    // when a side panel slides over the viewport: the image is not centred in the screenshot.
    private const int Columns = 512;
    private const double Scale = 1.3;
    private const double Left = 20;
    private const double Top = 10;
    private static readonly SKRectI Lesion = new(300, 200, 380, 280);

    [Fact]
    public void MeasuresColourInImageCoordinatesWhereverTheImageLiesOnTheScreenshot()
    {
        var png = Screenshot();

        var colour = ScreenshotColour.Measure(png, (Left, Top, Scale), Columns, Columns, (c, r) => Lesion.Contains(c, r));

        Assert.InRange(colour.CentroidColumn, 338, 342);
        Assert.InRange(colour.CentroidRow, 238, 242);
        Assert.InRange(colour.ShareInside, 0.97, 1.0);
        var screenArea = Lesion.Width * Lesion.Height * Scale * Scale;
        Assert.InRange(colour.Count, 0.95 * screenArea, 1.05 * screenArea);
    }

    [Fact]
    public void LeavesColourUnderTheViewersOwnControlsOut()
    {
        var png = Screenshot();
        // A panel over the right of the screenshot, covering the lesion's screen area.
        var panel = new List<(double, double, double, double)> { (Left + (250 * Scale), 0, 955, 802) };

        var colour = ScreenshotColour.Measure(png, (Left, Top, Scale), Columns, Columns, covered: panel);

        Assert.Equal(0, colour.Count);
    }

    private static byte[] Screenshot()
    {
        using var bitmap = new SKBitmap(955, 802);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var grey = new SKPaint { Color = new SKColor(120, 120, 120) };
            canvas.DrawRect(new SKRect((float)Left, (float)Top, (float)(Left + (Columns * Scale)), (float)(Top + (Columns * Scale))), grey);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(new SKRect((float)(Left + (Lesion.Left * Scale)), (float)(Top + (Lesion.Top * Scale)), (float)(Left + (Lesion.Right * Scale)), (float)(Top + (Lesion.Bottom * Scale))), red);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

using StbImageSharp;

namespace Isl.Model.Preprocessing;

/// <summary>Loads 8-bit PNG (or JPEG/BMP) slices as gray [0, 1] images; RGB-encoded gray is averaged to gray.</summary>
public static class PngSliceLoader
{
    /// <summary>Loads an image file; unreadable or non-image files throw <see cref="IslModelException"/>.</summary>
    public static GrayImage Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new IslModelException($"Image file not found: {path}");
        }

        using var stream = File.OpenRead(path);
        try
        {
            return Decode(stream);
        }
        catch (Exception e) when (e is not IslModelException)
        {
            throw new IslModelException($"Cannot decode image {path}: {e.Message}", e);
        }
    }

    /// <summary>Decodes an image from a stream.</summary>
    public static GrayImage Decode(Stream stream)
    {
        var image = ImageResult.FromStream(stream, ColorComponents.Grey);
        if (image is null || image.Data is null || image.Width <= 0 || image.Height <= 0)
        {
            throw new IslModelException("The stream is not a decodable image.");
        }

        var pixels = new float[image.Width * image.Height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = image.Data[i] / 255f;
        }

        return new GrayImage(pixels, image.Height, image.Width);
    }
}

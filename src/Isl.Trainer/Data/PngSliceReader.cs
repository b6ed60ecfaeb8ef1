using StbImageSharp;

namespace Isl.Trainer.Data;

/// <summary>Reads a pre-windowed 8-bit PNG (gray, or RGB-encoded gray) as one channel in [0, 1], letterboxed to size×size.</summary>
public static class PngSliceReader
{
    /// <summary>The slice, or a <see cref="TrainerException"/> that says why the file cannot be used.</summary>
    public static float[] Read(string path, int size)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new TrainerException($"cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TrainerException($"cannot be read: {ex.Message}", ex);
        }

        if (bytes.Length < 8 || bytes[0] != 0x89 || bytes[1] != (byte)'P' || bytes[2] != (byte)'N' || bytes[3] != (byte)'G')
        {
            throw new TrainerException("is not a PNG file (bad signature)");
        }

        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(bytes, ColorComponents.Grey);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new TrainerException($"is not a decodable PNG: {ex.Message}", ex);
        }

        if (image is null || image.Width < 8 || image.Height < 8 || image.Data is null || image.Data.Length < image.Width * image.Height)
        {
            throw new TrainerException("is not a decodable PNG image of at least 8×8 pixels");
        }

        var gray = new float[image.Width * image.Height];
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = image.Data[i] / 255f;
        }

        return ImageResampler.ToSquare(gray, image.Width, image.Height, size);
    }
}

using System.IO.Compression;

namespace Isl.Phantoms.Output;

/// <summary>
/// The lesion mask volume on disk: <c>mask.u8.gz</c>, a gzip of raw unsigned bytes, one per voxel,
/// slice by slice in InstanceNumber order, each slice row by row (C order, shape
/// [slices, rows, columns]). 0 is background; k is the lesion whose <c>maskValue</c> is k in
/// labels.json. numpy: <c>np.frombuffer(gzip.open(p).read(), np.uint8).reshape(s, r, c)</c>.
/// </summary>
public static class MaskFile
{
    /// <summary>The file name inside a study folder.</summary>
    public const string FileName = "mask.u8.gz";

    /// <summary>Writes the slices' masks.</summary>
    public static void Write(string path, IReadOnlyList<byte[]> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        foreach (var slice in slices)
        {
            gzip.Write(slice);
        }
    }

    /// <summary>Reads a mask volume back as one array per slice.</summary>
    /// <exception cref="PhantomException">When the file is missing, not gzip, or not of the stated shape.</exception>
    public static byte[][] Read(string path, int slices, int rows, int columns)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var result = new byte[slices][];
            for (var s = 0; s < slices; s++)
            {
                result[s] = new byte[rows * columns];
                gzip.ReadExactly(result[s]);
            }

            if (gzip.ReadByte() != -1)
            {
                throw new PhantomException($"{path} holds more than {slices}×{rows}×{columns} voxels.");
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new PhantomException($"Cannot read the mask volume {path} as {slices}×{rows}×{columns} bytes: {ex.Message}", ex);
        }
    }
}

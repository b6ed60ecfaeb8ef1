namespace Isl.Model.Preprocessing;

/// <summary>A single-channel image with intensities in [0, 1], row-major.</summary>
/// <param name="Pixels">Rows × Columns values.</param>
/// <param name="Rows">Image height.</param>
/// <param name="Columns">Image width.</param>
public sealed record GrayImage(float[] Pixels, int Rows, int Columns)
{
    /// <summary>Checks that the pixel count matches the size.</summary>
    public void Validate()
    {
        if (Rows <= 0 || Columns <= 0 || Pixels.Length != Rows * Columns)
        {
            throw new IslModelException($"Image has {Pixels.Length} pixels, which does not match {Rows}×{Columns}.");
        }
    }
}

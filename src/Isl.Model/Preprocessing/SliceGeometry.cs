namespace Isl.Model.Preprocessing;

/// <summary>Where a slice lies in patient space: ImageOrientationPatient (6) and ImagePositionPatient (3).</summary>
/// <param name="Orientation">Row and column direction cosines.</param>
/// <param name="Position">The first pixel's centre in mm.</param>
public sealed record SliceGeometry(double[] Orientation, double[] Position)
{
    /// <summary>The slice normal (row × column).</summary>
    public double[] Normal()
    {
        if (Orientation is not { Length: 6 } o || Position is not { Length: 3 })
        {
            throw new IslModelException("Slice geometry needs 6 orientation and 3 position values.");
        }

        var n = new[] { (o[1] * o[5]) - (o[2] * o[4]), (o[2] * o[3]) - (o[0] * o[5]), (o[0] * o[4]) - (o[1] * o[3]) };
        var length = Math.Sqrt((n[0] * n[0]) + (n[1] * n[1]) + (n[2] * n[2]));
        if (length < 1e-6)
        {
            throw new IslModelException("ImageOrientationPatient has parallel row and column vectors.");
        }

        return [n[0] / length, n[1] / length, n[2] / length];
    }

    /// <summary>Distance of this slice along <paramref name="normal"/>.</summary>
    public double Along(double[] normal) => (Position[0] * normal[0]) + (Position[1] * normal[1]) + (Position[2] * normal[2]);
}

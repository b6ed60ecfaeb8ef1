using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Acquisition;

/// <summary>
/// Beam-hardening artefacts of the posterior fossa: a dark band between the petrous bones
/// (the Hounsfield bar) and thin streaks fanning out from the skull base.
/// </summary>
internal static class BeamHardeningStreaks
{
    public static void Add(float[] image, SliceGeometry geometry, int slice, PatientToModel toModel, SeededRandom random)
    {
        var centerModel = toModel.Map(geometry.PixelCenter(slice, geometry.Rows / 2.0, geometry.Columns / 2.0));
        var strength = Shapes.SmoothStep(-14, -30, centerModel.Z) * Shapes.SmoothStep(-68, -52, centerModel.Z);
        if (strength <= 0.01)
        {
            return;
        }

        var left = ToPixel(toModel.Unmap(new Point3(24, -14, centerModel.Z)), geometry, slice);
        var right = ToPixel(toModel.Unmap(new Point3(-24, -14, centerModel.Z)), geometry, slice);
        var streaks = new List<(double X, double Y, double Dx, double Dy, double Amplitude, double Width)>
        {
            (left.X, left.Y, right.X - left.X, right.Y - left.Y, -random.Uniform(15, 30) * strength, random.Uniform(4, 7)),
        };
        var count = 4 + random.Next(5);
        for (var i = 0; i < count; i++)
        {
            var source = random.Chance(0.5) ? left : right;
            var angle = random.Uniform(0, Math.PI);
            var amplitude = (random.Chance(0.7) ? -1 : 1) * random.Uniform(12, 35) * strength;
            streaks.Add((source.X, source.Y, Math.Cos(angle), Math.Sin(angle), amplitude, random.Uniform(1.0, 2.2)));
        }

        var width = geometry.Columns;
        for (var row = 0; row < geometry.Rows; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var index = (row * width) + column;
                if (image[index] < -300 || image[index] > 300)
                {
                    continue;
                }

                double delta = 0;
                foreach (var (x, y, dx, dy, amplitude, lineWidth) in streaks)
                {
                    var length = Math.Sqrt((dx * dx) + (dy * dy));
                    var distance = Math.Abs(((column - x) * dy) - ((row - y) * dx)) / length;
                    if (distance > lineWidth * 4)
                    {
                        continue;
                    }

                    var along = Math.Sqrt(((column - x) * (column - x)) + ((row - y) * (row - y)));
                    delta += amplitude * Math.Exp(-(distance * distance) / (2 * lineWidth * lineWidth)) * Math.Exp(-along / 110);
                }

                image[index] += (float)delta;
            }
        }
    }

    private static (double X, double Y) ToPixel(Point3 patient, SliceGeometry geometry, int slice)
    {
        var offset = patient - geometry.Position(slice);
        return (offset.Dot(geometry.RowDirection) / geometry.PixelSpacingMm, offset.Dot(geometry.ColumnDirection) / geometry.PixelSpacingMm);
    }
}

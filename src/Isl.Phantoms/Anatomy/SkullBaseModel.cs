using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Anatomy;

/// <summary>Below the cranial floor: skull base bone with petrous ridges, mastoid and sinus air cells, orbits, soft tissue.</summary>
internal sealed class SkullBaseModel
{
    private readonly SubjectParameters _s;

    public SkullBaseModel(SubjectParameters subject)
    {
        _s = subject;
    }

    public TissueSample Evaluate(Point3 p, double cavityDepth, double shellThickness)
    {
        var mirrored = new Point3(Math.Abs(p.X), p.Y, p.Z);

        if (DistanceToSegment(mirrored, new Point3(18, -6, -44), new Point3(50, -30, -47)) < 7.5)
        {
            return Bone(p, 1950, cavityDepth);
        }

        if (Shapes.EllipsoidRadius(mirrored, new Point3(50, -26, -48), new Point3(12, 13, 12)) < 1)
        {
            return AirCells(p, 0.05, cavityDepth);
        }

        var globe = (mirrored - new Point3(31, 66, -30)).Length;
        if (globe < 12)
        {
            return new TissueSample(TissueClass.Orbit, globe < 11 ? 12 : 60, cavityDepth);
        }

        var orbit = Shapes.EllipsoidRadius(mirrored, new Point3(29, 56, -30), new Point3(15, 24, 14));
        if (orbit < 1)
        {
            var nerve = Math.Sqrt(((mirrored.X - 24) * (mirrored.X - 24)) + ((p.Z + 30) * (p.Z + 30)));
            return nerve < 2.5 && p.Y < 55
                ? new TissueSample(TissueClass.Orbit, 35, cavityDepth)
                : new TissueSample(TissueClass.Orbit, -85, cavityDepth);
        }

        if (orbit < 1.12 && p.Y < 58)
        {
            return Bone(p, 1100, cavityDepth);
        }

        if (Shapes.EllipsoidRadius(p, new Point3(0, 22, -42), new Point3(13, 10, 9)) < 1)
        {
            return new TissueSample(TissueClass.SinusAir, -960, cavityDepth);
        }

        if (Shapes.EllipsoidRadius(p, new Point3(0, 52, -34), new Point3(11, 22, 15)) < 1)
        {
            return AirCells(p, -0.2, cavityDepth);
        }

        if (DistanceToSegment(p, new Point3(0, 12, -34), new Point3(0, -6, -66)) < 8)
        {
            return Bone(p, 1100, cavityDepth);
        }

        if (cavityDepth > -(shellThickness + 2.5) && p.Z < -8 && p.Y < 20)
        {
            return Bone(p, 1050, cavityDepth);
        }

        var fat = _s.Noise.AirCells.Sample(p, 9) > 0.55;
        return fat
            ? new TissueSample(TissueClass.Fat, _s.FatHu, cavityDepth)
            : new TissueSample(TissueClass.SoftTissue, _s.SoftTissueHu, cavityDepth);
    }

    private TissueSample Bone(Point3 p, double hu, double cavityDepth) =>
        new(TissueClass.Bone, hu + (220 * _s.Noise.Bone.Sample(p, 2.5)), cavityDepth);

    private TissueSample AirCells(Point3 p, double threshold, double cavityDepth)
    {
        var cell = _s.Noise.AirCells.Sample(p, 2.2);
        return cell > threshold
            ? new TissueSample(TissueClass.SinusAir, -900, cavityDepth)
            : new TissueSample(TissueClass.Bone, 900, cavityDepth);
    }

    private static double DistanceToSegment(Point3 p, Point3 a, Point3 b)
    {
        var ab = b - a;
        var t = Math.Clamp((p - a).Dot(ab) / ab.Dot(ab), 0, 1);
        return (p - (a + (ab * t))).Length;
    }
}

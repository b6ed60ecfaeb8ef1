using Isl.Phantoms.Acquisition;
using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Lesions;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms;

/// <summary>
/// Generates synthetic head CT studies with exact lesion masks, deterministically from a seed.
/// <code>
/// var study = PhantomGenerator.Generate(PhantomSpec.WithLesions(7, LesionType.SubduralHematoma));
/// study.WriteTo("out/study-7");   // .dcm series + labels.json + mask.u8.gz
/// </code>
/// </summary>
public static class PhantomGenerator
{
    /// <summary>Generates a study in memory (slices rendered in parallel).</summary>
    /// <exception cref="PhantomException">When the spec is invalid.</exception>
    public static PhantomStudy Generate(PhantomSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var random = new SeededRandom(spec.Seed, 0x15a);
        var subject = new SubjectParameters(random.Fork(1));
        var acquisition = new AcquisitionParameters(random.Fork(2), spec);
        var cavity = new CranialCavity(subject.Noise.Surface);
        var lesions = LesionFactory.Create(spec.Lesions, random.Fork(3), cavity);
        foreach (var lesion in lesions)
        {
            lesion.ModifySubject(subject);
        }

        var identity = PhantomIdentity.Create(spec, random.Fork(4));
        var head = new HeadModel(subject);
        var headCenter = new Point3(subject.CenterOffset.X, subject.CenterOffset.Y - 10, acquisition.HeadCenterZ);
        var toModel = new PatientToModel(headCenter, subject);
        var geometry = PlanSlab(spec, acquisition, subject, lesions, toModel, headCenter);
        var renderer = new SliceRenderer(head, lesions, toModel, geometry, acquisition, spec.Seed);

        var hu = new short[geometry.SliceCount][];
        var masks = new byte[geometry.SliceCount][];
        Parallel.For(0, geometry.SliceCount, new ParallelOptions { CancellationToken = cancellationToken }, slice =>
        {
            (hu[slice], masks[slice]) = renderer.Render(slice);
        });

        return new PhantomStudy(spec, identity, acquisition, geometry, hu, masks, lesions);
    }

    /// <summary>
    /// Chooses the slab: the whole head from the skull base to just above the vertex, or, when a
    /// slice count is given, that many slices centred on the first lesion (the ventricles for a
    /// normal study), kept within the head.
    /// </summary>
    private static SliceGeometry PlanSlab(PhantomSpec spec, AcquisitionParameters acquisition, SubjectParameters subject, IReadOnlyList<Lesion> lesions, PatientToModel toModel, Point3 headCenter)
    {
        var tilt = acquisition.GantryTiltDeg * Math.PI / 180;
        var tiltReach = 40 * Math.Abs(Math.Tan(tilt));
        var topModel = 68 + subject.SkullThicknessMm + subject.ScalpThicknessMm + acquisition.CoverageTopMarginMm;
        var lowestLesion = lesions.Count == 0 ? 0 : lesions.Min(l => l.Center.Z) - 22;
        var bottomModel = Math.Min(acquisition.CoverageBottomModelZ, Math.Max(lowestLesion, -62));
        var bottom = headCenter.Z + (bottomModel * subject.ScaleZ) - tiltReach;
        var top = headCenter.Z + (topModel * subject.ScaleZ) + tiltReach;
        var step = acquisition.SliceSpacingMm / Math.Cos(tilt);
        int count;
        double first;
        if (spec.SliceCount is { } requested)
        {
            count = requested;
            var focus = lesions.Count > 0 ? toModel.Unmap(lesions[0].Center).Z : toModel.Unmap(new Point3(0, -4, 12)).Z;
            first = focus - (step * (count - 1) / 2);
            var span = step * (count - 1);
            if (span <= top - bottom)
            {
                first = Math.Clamp(first, bottom, top - span);
            }
        }
        else
        {
            count = (int)Math.Ceiling((top - bottom) / step) + 1;
            first = bottom;
        }

        first = Math.Round(first, 2);
        return new SliceGeometry(acquisition, new Point3(0, 0, first), count);
    }
}

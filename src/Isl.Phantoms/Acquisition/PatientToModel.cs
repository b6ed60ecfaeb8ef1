using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Acquisition;

/// <summary>
/// Maps DICOM patient coordinates (LPS, mm) into the model space of the standard head (x left,
/// y anterior, z superior): subtract the head centre, undo the subject's rotation, undo its scale.
/// </summary>
internal sealed class PatientToModel
{
    private readonly Point3 _center;
    private readonly Rotation _rotation;
    private readonly SubjectParameters _subject;

    public PatientToModel(Point3 headCenterPatient, SubjectParameters subject)
    {
        _center = headCenterPatient;
        _subject = subject;
        _rotation = Rotation.FromYawPitchRoll(subject.YawDeg, subject.PitchDeg, subject.RollDeg);
    }

    public Point3 Map(Point3 patient)
    {
        var d = patient - _center;
        var head = _rotation.ApplyInverse(new Point3(d.X, -d.Y, d.Z));
        return new Point3(head.X / _subject.ScaleX, head.Y / _subject.ScaleY, head.Z / _subject.ScaleZ);
    }

    /// <summary>The inverse of <see cref="Map"/>.</summary>
    public Point3 Unmap(Point3 model)
    {
        var head = _rotation.Apply(new Point3(model.X * _subject.ScaleX, model.Y * _subject.ScaleY, model.Z * _subject.ScaleZ));
        return _center + new Point3(head.X, -head.Y, head.Z);
    }
}

using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>Enlarged ventricles with effaced sulci and periventricular lucency; the mask is the ventricular CSF.</summary>
internal sealed class Hydrocephalus : Lesion
{
    private readonly double _scale;

    public Hydrocephalus(LesionSize size, SeededRandom random)
        : base(LesionType.Hydrocephalus, size, "ventricular system", new Point3(0, -4, 12))
    {
        _scale = size switch { LesionSize.Small => 1.5, LesionSize.Medium => 1.85, _ => 2.25 } * random.Uniform(0.95, 1.05);
    }

    public override double BoundingRadius => double.PositiveInfinity;

    public override void ModifySubject(SubjectParameters subject)
    {
        subject.VentricleScale = Math.Max(subject.VentricleScale, 1) * _scale;
        subject.SulcalWidth *= 0.55;
        subject.CsfRimMm *= 0.6;
        subject.PeriventricularLucencyMm = Size == LesionSize.Small ? 0 : 2.5;
    }

    public override bool TryApply(Point3 p, in TissueSample tissue, out double hu)
    {
        hu = tissue.Hu;
        return tissue.Class == TissueClass.Ventricle;
    }
}

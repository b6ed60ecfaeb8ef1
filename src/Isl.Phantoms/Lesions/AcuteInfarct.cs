using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>
/// A hypodense arterial territory: a cone from a deep apex toward the cortex (or a lacune), where
/// gray and white matter lose their contrast and the sulci are effaced.
/// </summary>
internal sealed class AcuteInfarct : Lesion
{
    private readonly Point3 _axis;
    private readonly double _cosHalfAngle;
    private readonly double _lacuneRadius;
    private readonly double _infarctHu;
    private readonly PerlinNoise _texture;

    public AcuteInfarct(LesionSize size, string location, Point3 apex, Point3 axis, double halfAngleDeg, double lacuneRadius, SeededRandom random)
        : base(LesionType.AcuteInfarct, size, location, lacuneRadius > 0 ? apex : apex + (axis.Normalized() * 35))
    {
        Apex = apex;
        _axis = axis.Normalized();
        _cosHalfAngle = Math.Cos(halfAngleDeg * Math.PI / 180);
        _lacuneRadius = lacuneRadius;
        _infarctHu = random.Uniform(16, 21);
        _texture = new PerlinNoise(random.Fork(51));
    }

    public Point3 Apex { get; }

    public override double BoundingRadius => _lacuneRadius > 0 ? _lacuneRadius * 1.3 : double.PositiveInfinity;

    public override bool TryApply(Point3 p, in TissueSample tissue, out double hu)
    {
        hu = 0;
        var sulcal = tissue.Class == TissueClass.ExternalCsf && tissue.CavityDepth > 2.5;
        if (!tissue.IsBrain && !sulcal)
        {
            return false;
        }

        var offset = p - Apex;
        var distance = offset.Length;
        bool inside;
        if (_lacuneRadius > 0)
        {
            inside = distance < _lacuneRadius * (1 + (0.2 * _texture.Sample(p, 4)));
        }
        else
        {
            var wobble = 0.04 * _texture.Sample(p, 12);
            inside = distance > 10 && offset.Dot(_axis) / distance > _cosHalfAngle + wobble;
        }

        if (!inside)
        {
            return false;
        }

        hu = _infarctHu + (1.5 * _texture.Sample(p, 3));
        return true;
    }
}

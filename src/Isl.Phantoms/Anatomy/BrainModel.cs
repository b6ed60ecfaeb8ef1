using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Anatomy;

/// <summary>The contents of the cranial cavity: CSF spaces, cortex with sulci, white matter, deep nuclei, posterior fossa.</summary>
internal sealed class BrainModel
{
    private static readonly (Point3 Center, Point3 Semi)[] DeepNuclei =
    [
        (new Point3(-22, 4, 0), new Point3(6, 13, 9)), (new Point3(22, 4, 0), new Point3(6, 13, 9)),
        (new Point3(-14, 16, 8), new Point3(4, 8, 8)), (new Point3(14, 16, 8), new Point3(4, 8, 8)),
        (new Point3(-9, -15, 3), new Point3(7.5, 11, 8)), (new Point3(9, -15, 3), new Point3(7.5, 11, 8)),
    ];

    private static readonly Point3 CentralCoreCenter = new(0, -4, 2);
    private static readonly Point3 CentralCoreSemi = new(30, 38, 23);
    private static readonly Point3 PinealCenter = new(0, -24, 3);
    private readonly SubjectParameters _s;
    private readonly Ventricles _ventricles;
    private readonly AnatomyNoise _noise;

    public BrainModel(SubjectParameters subject)
    {
        _s = subject;
        _noise = subject.Noise;
        _ventricles = new Ventricles(subject.VentricleScale);
    }

    /// <summary>Tissue at <paramref name="q"/> (displaced point) with <paramref name="depth"/> below the inner table there.</summary>
    public TissueSample Evaluate(Point3 q, double depth, double trueDepth)
    {
        if (depth < _s.CsfRimMm)
        {
            return Csf(trueDepth);
        }

        return CranialCavity.IsSupratentorial(q) ? Supratentorial(q, depth, trueDepth) : PosteriorFossa(q, depth, trueDepth);
    }

    private TissueSample Supratentorial(Point3 q, double depth, double trueDepth)
    {
        var tentorium = CranialCavity.Tentorium(q.X, q.Y);
        if (q.Y < -14 && q.Z - tentorium < 0.7)
        {
            return new TissueSample(TissueClass.Dura, _s.DuraHu, trueDepth);
        }

        var midline = Math.Abs(q.X);
        var inCore = SuperEllipsoid(q, CentralCoreCenter, CentralCoreSemi) < 1;
        if (!inCore && midline < 1.1 + (0.8 * _s.SulcalWidth))
        {
            return midline < 0.45
                ? new TissueSample(TissueClass.Dura, _s.FalxCalcified && q.Z > 40 && q.Y > 0 ? 180 : _s.DuraHu, trueDepth)
                : Csf(trueDepth);
        }

        var ventricleDepth = _ventricles.Depth(q);
        if (ventricleDepth > 0)
        {
            return VentricleContents(q, trueDepth);
        }

        if (_s.PinealCalcified && (q - PinealCenter).Length < 2.6)
        {
            return new TissueSample(TissueClass.PhysiologicCalcification, 260, trueDepth);
        }

        if (IsCistern(q) || IsSylvianFissure(q, depth))
        {
            return Csf(trueDepth);
        }

        var texture = 1.3 * _noise.Texture.Sample(q, 5);
        if (_s.PeriventricularLucencyMm > 0 && ventricleDepth > -_s.PeriventricularLucencyMm)
        {
            return new TissueSample(TissueClass.WhiteMatter, _s.WhiteMatterHu - 9 + texture, trueDepth);
        }

        foreach (var (center, semi) in DeepNuclei)
        {
            if (Shapes.EllipsoidRadius(q, center, semi) < 1)
            {
                return new TissueSample(TissueClass.DeepGrayMatter, _s.GrayMatterHu - 2 + texture, trueDepth);
            }
        }

        if (IsMidbrain(q))
        {
            return new TissueSample(TissueClass.Brainstem, ((_s.GrayMatterHu + _s.WhiteMatterHu) / 2) + texture, trueDepth);
        }

        return Cortex(q, depth - _s.CsfRimMm, texture, trueDepth);
    }

    private TissueSample Cortex(Point3 q, double belowSurface, double texture, double trueDepth)
    {
        var cortexThickness = 2.6 + (0.9 * _noise.Cortex.Sample(q, 9));
        const double sulcalDepth = 22;
        if (belowSurface < sulcalDepth + 3)
        {
            var field = _noise.Sulci.Sample(q, 13) + (0.3 * _noise.SulciFine.Sample(q, 6));
            var taper = 1 - (belowSurface / sulcalDepth);
            var sulcusHalfWidth = 0.07 * _s.SulcalWidth * Math.Pow(Math.Max(taper, 0), 0.7);
            var magnitude = Math.Abs(field);
            if (magnitude < sulcusHalfWidth)
            {
                return Csf(trueDepth);
            }

            if (belowSurface < cortexThickness || (taper > -0.12 && magnitude < sulcusHalfWidth + 0.2))
            {
                return new TissueSample(TissueClass.GrayMatter, _s.GrayMatterHu + texture, trueDepth);
            }
        }

        return new TissueSample(TissueClass.WhiteMatter, _s.WhiteMatterHu + texture, trueDepth);
    }

    private TissueSample PosteriorFossa(Point3 q, double depth, double trueDepth)
    {
        var texture = 1.3 * _noise.Texture.Sample(q, 5);
        if (_ventricles.Depth(q) > 0)
        {
            return Csf(trueDepth, TissueClass.Ventricle);
        }

        if (IsMidbrain(q))
        {
            return new TissueSample(TissueClass.Brainstem, ((_s.GrayMatterHu + _s.WhiteMatterHu) / 2) + texture, trueDepth);
        }

        if (IsCistern(q))
        {
            return Csf(trueDepth);
        }

        var pons = Shapes.EllipsoidDepth(q, new Point3(0, -13, -32), new Point3(13, 11, 16));
        var medulla = Math.Min(9 - Math.Sqrt((q.X * q.X) + ((q.Y + 19) * (q.Y + 19))), -38 - q.Z);
        var stem = Math.Max(pons, medulla);
        if (stem > 0)
        {
            return new TissueSample(TissueClass.Brainstem, ((_s.GrayMatterHu + _s.WhiteMatterHu) / 2) + texture, trueDepth);
        }

        if (stem > -2.5 * _s.SulcalWidth || Shapes.EllipsoidRadius(q, new Point3(0, -62, -52), new Point3(14, 11, 9)) < 1)
        {
            return Csf(trueDepth);
        }

        var belowSurface = depth - _s.CsfRimMm;
        var fissure = _noise.Folia.Sample(q.X / 16, q.Y / 16, q.Z / 4.5);
        if (belowSurface < 10 && Math.Abs(fissure) < 0.03 * _s.SulcalWidth)
        {
            return Csf(trueDepth);
        }

        var folia = _noise.Folia.Sample((q.X / 7) + 40, (q.Y / 7) + 40, q.Z / 2.2);
        var white = folia < -0.25 && belowSurface > 6;
        return new TissueSample(TissueClass.Cerebellum, (white ? _s.WhiteMatterHu + 1 : _s.GrayMatterHu - 1) + texture, trueDepth);
    }

    private TissueSample VentricleContents(Point3 q, double trueDepth)
    {
        if (_s.ChoroidCalcified && q.Z > 0 && ((q - _ventricles.Atrium(Math.Sign(q.X))).Length < 2.8))
        {
            return new TissueSample(TissueClass.PhysiologicCalcification, 140, trueDepth);
        }

        return Csf(trueDepth, TissueClass.Ventricle);
    }

    private static bool IsCistern(Point3 q)
    {
        if (Shapes.EllipsoidRadius(q, new Point3(0, 9, -17), new Point3(13, 9, 5)) < 1)
        {
            return true;
        }

        if (Shapes.EllipsoidRadius(q, new Point3(0, -27, -2), new Point3(8, 6, 6)) < 1)
        {
            return true;
        }

        var fromMidbrain = Math.Sqrt((q.X * q.X) + ((q.Y + 11) * (q.Y + 11)));
        return q.Z is > -24 and < -4 && fromMidbrain is > 11 and < 14;
    }

    private static bool IsMidbrain(Point3 q) =>
        q.Z is > -24 and < -4 && Math.Sqrt((q.X * q.X) + ((q.Y + 11) * (q.Y + 11))) <= 11;

    /// <summary>The lateral (sylvian) fissure running from the lateral surface to the insula, and the insular cistern.</summary>
    private bool IsSylvianFissure(Point3 q, double depth)
    {
        var ax = Math.Abs(q.X);
        if (ax < 32 || q.Z < -16 || q.Z > 12 || depth > 35)
        {
            return false;
        }

        var heightFade = Shapes.SmoothStep(-16, -10, q.Z) * Shapes.SmoothStep(12, 5, q.Z);
        var wobble = 2.5 * _noise.SulciFine.Sample(q, 10);
        var width = (0.5 + (0.75 * _s.SulcalWidth)) * heightFade;
        var fissure = DistanceToSegment2D(ax, q.Y + wobble, 66, -6 - (0.35 * q.Z), 36, 14);
        var insula = Math.Abs(ax - 35 - (0.12 * q.Y) - (1.5 * wobble)) < width * 0.8 && q.Y is > -10 and < 24;
        return fissure < width || insula;
    }

    private static double DistanceToSegment2D(double x, double y, double ax, double ay, double bx, double by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var t = Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        var (px, py) = (ax + (t * dx) - x, ay + (t * dy) - y);
        return Math.Sqrt((px * px) + (py * py));
    }

    private static double SuperEllipsoid(Point3 p, Point3 center, Point3 semi)
    {
        var dx = (p.X - center.X) / semi.X;
        var dy = (p.Y - center.Y) / semi.Y;
        var dz = (p.Z - center.Z) / semi.Z;
        return (dx * dx * dx * dx) + (dy * dy * dy * dy) + (dz * dz * dz * dz);
    }

    private TissueSample Csf(double trueDepth, TissueClass tissue = TissueClass.ExternalCsf) =>
        new(tissue, _s.CsfHu, trueDepth);
}

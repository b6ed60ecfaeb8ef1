using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Anatomy;

/// <summary>Everything about one synthetic subject's head that varies with the seed.</summary>
internal sealed class SubjectParameters
{
    public SubjectParameters(SeededRandom random)
    {
        var size = random.Uniform(0.92, 1.07);
        ScaleX = size * random.Uniform(0.95, 1.05);
        ScaleY = size * random.Uniform(0.96, 1.04);
        ScaleZ = size * random.Uniform(0.95, 1.04);
        YawDeg = random.Uniform(-6, 6);
        RollDeg = random.Uniform(-5, 5);
        PitchDeg = random.Uniform(-7, 7);
        CenterOffset = new Point3(random.Uniform(-6, 6), random.Uniform(-8, 8), 0);
        SkullThicknessMm = random.Uniform(4.5, 6.5);
        InnerTableFraction = random.Uniform(0.24, 0.32);
        OuterTableFraction = random.Uniform(0.26, 0.34);
        CorticalBoneHu = random.Uniform(1560, 1760);
        DiploeHu = random.Uniform(620, 800);
        ScalpThicknessMm = random.Uniform(4, 7);
        ScalpFatFraction = random.Uniform(0.35, 0.6);
        FatHu = random.Uniform(-105, -85);
        SoftTissueHu = random.Uniform(42, 55);
        GrayMatterHu = random.Uniform(37, 41);
        WhiteMatterHu = random.Uniform(27, 30);
        CsfHu = random.Uniform(3, 8);
        DuraHu = random.Uniform(55, 70);
        VentricleScale = random.Uniform(0.85, 1.25);
        SulcalWidth = random.Uniform(0.75, 1.35);
        CsfRimMm = random.Uniform(0.7, 1.8) * SulcalWidth;
        PinealCalcified = random.Chance(0.5);
        ChoroidCalcified = random.Chance(0.45);
        FalxCalcified = random.Chance(0.15);
        Noise = new AnatomyNoise(random.Fork(1));
    }

    public double ScaleX { get; }

    public double ScaleY { get; }

    public double ScaleZ { get; }

    public double YawDeg { get; }

    public double RollDeg { get; }

    public double PitchDeg { get; }

    /// <summary>Where the head centre sits relative to the scan centre (patient coordinates, mm).</summary>
    public Point3 CenterOffset { get; }

    public double SkullThicknessMm { get; }

    public double InnerTableFraction { get; }

    public double OuterTableFraction { get; }

    public double CorticalBoneHu { get; }

    public double DiploeHu { get; }

    public double ScalpThicknessMm { get; }

    public double ScalpFatFraction { get; }

    public double FatHu { get; }

    public double SoftTissueHu { get; }

    public double GrayMatterHu { get; }

    public double WhiteMatterHu { get; }

    public double CsfHu { get; }

    public double DuraHu { get; }

    /// <summary>Ventricle size factor; hydrocephalus raises it.</summary>
    public double VentricleScale { get; set; }

    /// <summary>Sulcal width factor (atrophy widens, swelling and hydrocephalus efface).</summary>
    public double SulcalWidth { get; set; }

    public double CsfRimMm { get; set; }

    /// <summary>Periventricular low density band width (mm), from transependymal CSF flow in hydrocephalus.</summary>
    public double PeriventricularLucencyMm { get; set; }

    public bool PinealCalcified { get; }

    public bool ChoroidCalcified { get; }

    public bool FalxCalcified { get; }

    public AnatomyNoise Noise { get; }
}

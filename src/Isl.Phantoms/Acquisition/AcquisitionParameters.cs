using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Acquisition;

/// <summary>How the synthetic scanner acquired and reconstructed the study.</summary>
internal sealed class AcquisitionParameters
{
    public AcquisitionParameters(SeededRandom random, PhantomSpec spec)
    {
        SliceSpacingMm = spec.SliceSpacingMm ?? random.Pick(new[] { 2.5, 3.75, 5.0, 5.0 });
        SliceThicknessMm = SliceSpacingMm;
        var drawnTilt = random.Chance(0.25) ? random.Uniform(8, 20) : 0;
        GantryTiltDeg = spec.GantryTiltDeg ?? Math.Round(drawnTilt, 1);
        var drawnStreaks = random.Chance(0.6);
        BeamHardening = spec.BeamHardening ?? drawnStreaks;
        FieldOfViewMm = Math.Round(random.Uniform(220, 250));
        NoiseSigmaHu = random.Uniform(3.2, 5.8);
        TubeCurrentMa = 200 + (10 * random.Next(16));
        TableHeightMm = Math.Round(random.Uniform(120, 160));
        HeadCenterZ = Math.Round(random.Uniform(-180, -120));
        CoverageBottomModelZ = random.Uniform(-54, -38);
        CoverageTopMarginMm = random.Uniform(0, 8);
    }

    /// <summary>Model-space height of the lowest slice (skull base level).</summary>
    public double CoverageBottomModelZ { get; }

    /// <summary>Air above the vertex included in the slab (mm).</summary>
    public double CoverageTopMarginMm { get; }

    public int Rows => 512;

    public int Columns => 512;

    public double SliceSpacingMm { get; }

    public double SliceThicknessMm { get; }

    public double GantryTiltDeg { get; }

    public bool BeamHardening { get; }

    public double FieldOfViewMm { get; }

    public double PixelSpacingMm => FieldOfViewMm / Columns;

    public double NoiseSigmaHu { get; }

    public int TubeCurrentMa { get; }

    public double TableHeightMm { get; }

    /// <summary>Patient-z of the head centre (table coordinates, mm).</summary>
    public double HeadCenterZ { get; }

    /// <summary>Sub-slices averaged per slice to model the slice profile (partial volume along z).</summary>
    public int SubSamples => Math.Clamp((int)Math.Ceiling(SliceThicknessMm / 1.7), 1, 3);
}

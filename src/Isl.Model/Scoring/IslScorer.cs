using System.Globalization;
using Isl.Model.Bundles;
using Isl.Model.Drn;
using Isl.Model.Edges;
using Isl.Model.Heatmaps;
using Isl.Model.Inference;
using Isl.Model.Onnx;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Scoring;

/// <summary>
/// Scores stacks of slices with a bundle: preprocessing → grid inpainting (x_dd) → x_dif → DRN slice scores →
/// scan score; plus D-scores, heatmaps and APDS. Deterministic for a given bundle and input.
/// </summary>
public sealed class IslScorer : IDisposable
{
    private readonly ScoringOptions options;
    private readonly CannyEdgeDetector canny;
    private readonly HeatmapBuilder heatmaps;
    private readonly Tensor center;
    private readonly IScoringNetworks networks;

    /// <summary>
    /// Creates a scorer over a loaded bundle (the scorer takes ownership of both) whose networks run in
    /// <paramref name="networks"/> (default: the bundle's TorchSharp modules).
    /// </summary>
    public IslScorer(ModelBundle bundle, ScoringOptions? options = null, IScoringNetworks? networks = null)
    {
        Bundle = bundle;
        this.options = options ?? new ScoringOptions();
        this.networks = networks ?? new TorchScoringNetworks(bundle);
        Preprocessor = new SlicePreprocessor(bundle.Manifest.Preprocessing);
        canny = new CannyEdgeDetector(bundle.Manifest.CannySigma);
        var stored = bundle.Manifest.Heatmap;
        var heatmap = this.options.Heatmap ?? stored;
        // The normal statistics describe the residual over one area: a heatmap that takes another area or residual cannot use them.
        if (heatmap.Mode == HeatmapSettings.CalibratedMode
            && (heatmap.Polarity, heatmap.Reference, heatmap.ExcludeBone, heatmap.IntracranialOnly, heatmap.Smoothing) != (stored.Polarity, stored.Reference, stored.ExcludeBone, stored.IntracranialOnly, stored.Smoothing))
        {
            throw new IslModelException($"The bundle's heatmap statistics were fitted with polarity '{stored.Polarity}', reference '{stored.Reference}', bone {(stored.ExcludeBone ? "excluded" : "included")}, {(stored.IntracranialOnly ? "the skull's interior only" : "the whole effective area")} and smoothing {stored.Smoothing}: calibrate the heatmap again for other choices, or use the paper's heatmap mode.");
        }

        Heatmap = heatmap;
        heatmaps = new HeatmapBuilder(heatmap, bundle.NormalResidual, bundle.Manifest.Preprocessing);
        center = tensor(bundle.Manifest.Center, device: this.networks.Device);
        Grid = this.options.GridMode is { } mode ? bundle.Manifest.Grid with { Mode = mode } : bundle.Manifest.Grid;
        Pooling = this.options.ScanPooling ?? bundle.Manifest.ScanPooling;
    }

    /// <summary>The bundle.</summary>
    public ModelBundle Bundle { get; }

    /// <summary>The preprocessor matching the bundle.</summary>
    public SlicePreprocessor Preprocessor { get; }

    /// <summary>The heatmap settings in use (the options' or the bundle's).</summary>
    public HeatmapSettings Heatmap { get; }

    /// <summary>The grid in use.</summary>
    public GridSettings Grid { get; }

    /// <summary>The scan pooling in use.</summary>
    public ScanPooling Pooling { get; }

    /// <summary>What runs the networks, as the agent logs it (engine, execution provider, device).</summary>
    public string Networks => networks.Description;

    /// <summary>
    /// Loads a bundle and creates a scorer whose networks run in <see cref="ScoringOptions.Engine"/> on
    /// <paramref name="device"/> (the onnx engine keeps the torch side of scoring on the CPU).
    /// </summary>
    public static IslScorer Load(string bundleDirectory, DeviceOption device = default, ScoringOptions? options = null)
    {
        if ((options?.Engine ?? InferenceEngine.Torch) == InferenceEngine.Torch)
        {
            return new(ModelBundle.Load(bundleDirectory, device), options);
        }

        var bundle = ModelBundle.Load(bundleDirectory, DeviceOption.Cpu);
        try
        {
            return new(bundle, options, OnnxScoringNetworks.Load(bundleDirectory, bundle.Manifest, device, options!.Threads));
        }
        catch
        {
            bundle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Scores HU slices: ordered along the slice normal when every slice has geometry, unless <paramref name="ordered"/>
    /// says the caller already did (then scores and <see cref="ScanResult.SliceOrder"/> follow the given order).
    /// </summary>
    public ScanResult ScoreHu(IReadOnlyList<HuSlice> slices, bool ordered = false)
    {
        var indexed = slices.Select((s, i) => (Slice: s, Index: i)).ToList();
        if (!ordered && indexed.Count > 0 && indexed.All(s => s.Slice.Geometry is not null))
        {
            indexed = SliceOrdering.Order(indexed, s => s.Slice.Geometry!).ToList();
        }

        var prepared = indexed.Select(s => Preprocessor.FromHu(s.Slice.Hu, s.Slice.Rows, s.Slice.Columns)).ToList();
        return Score(prepared, indexed.Select(s => s.Index).ToList());
    }

    /// <summary>
    /// The smoothed channel-mean residual [size²] of each slice inside its heatmap area, taken with the heatmap's
    /// polarity, with that area [size²] (for fitting <see cref="NormalResidual"/>).
    /// </summary>
    public IReadOnlyList<(float[] Map, float[] Area)> SmoothedDifferences(IReadOnlyList<PreparedSlice> slices)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (images, masks, residual) = Residuals(slices);
        var area = heatmaps.Area(images, masks);
        var maps = heatmaps.Smoothed(residual, area).to(CPU).data<float>().ToArray();
        var areas = area.to(CPU).data<float>().ToArray();
        var pixels = Bundle.Manifest.Preprocessing.Size * Bundle.Manifest.Preprocessing.Size;
        return Enumerable.Range(0, slices.Count).Select(i => (maps.AsSpan(i * pixels, pixels).ToArray(), areas.AsSpan(i * pixels, pixels).ToArray())).ToList();
    }

    /// <summary>Scores pre-windowed gray images (8-bit PNG mode), in the given order.</summary>
    public ScanResult ScoreGray(IReadOnlyList<GrayImage> images)
        => Score(images.Select(Preprocessor.FromGray).ToList());

    /// <summary>Scores prepared slices, in the given order.</summary>
    public ScanResult Score(IReadOnlyList<PreparedSlice> slices, IReadOnlyList<int>? order = null)
    {
        if (slices.Count == 0)
        {
            throw new IslModelException("A scan needs at least one slice to score.");
        }

        var expected = Bundle.Manifest.Preprocessing;
        if (slices.Any(s => s.Channels != expected.Channels || s.Size != expected.Size))
        {
            throw new IslModelException($"Slices must be prepared for this bundle: {expected.Channels} channel(s) at {expected.Size}².");
        }

        var fractions = slices.Select(s => s.AreaFraction).ToArray();
        var scored = fractions.Select(expected.CountsSlice).ToArray();
        if (!scored.Any(s => s))
        {
            throw new NoScorableSliceException(string.Create(CultureInfo.InvariantCulture, $"None of the {slices.Count} slice(s) has enough intracranial area to be scored (largest {fractions.Max():P1} of the image, at least {expected.MinIntracranialFraction:P1} needed): no brain slices."));
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (images, masks, residual) = Residuals(slices);
        var difference = residual.abs();
        var drnInput = Bundle.Manifest.DrnInput == DrnInput.Difference ? difference : images * masks;
        var sliceScores = DrnScoring.Distances(networks.Embed(drnInput, options.MaxBatch), center);
        var dScores = difference.sum([1L, 2L, 3L]).to(CPU).data<float>().ToArray().Select(v => (double)v).ToArray();
        var heatArea = heatmaps.Area(images, masks);
        var heat = heatmaps.Build(residual, heatArea);
        var size = expected.Size;
        var maps = new List<float[]>();
        var peaks = new List<HeatmapPeak>();
        var strengths = new List<float[]>();
        if (options.Heatmaps)
        {
            var all = heat.Maps.to(CPU).data<float>().ToArray();
            var strength = heat.Strength.to(CPU).data<float>().ToArray();
            var area = heatArea.to(CPU).data<float>().ToArray();
            var pixels = (int)(size * size);
            for (var i = 0; i < slices.Count; i++)
            {
                maps.Add(all.AsSpan(i * pixels, pixels).ToArray());
                var inside = HeatmapPeak.InsideArea(strength.AsSpan(i * pixels, pixels), area.AsSpan(i * pixels, pixels));
                peaks.Add(HeatmapPeak.OfInside(all.AsSpan(i * pixels, pixels), inside, (int)size));
                strengths.Add(inside);
            }
        }

        var kind = options.SliceScore ?? Bundle.Manifest.SliceScore;
        IReadOnlyList<double> chosen = kind switch
        {
            SliceScoreKind.DScore => dScores,
            SliceScoreKind.Apds => heat.Apds,
            _ => sliceScores,
        };
        return new ScanResult
        {
            SliceOrder = order ?? Enumerable.Range(0, slices.Count).ToList(),
            SliceScores = chosen,
            ScoreKind = kind,
            DrnScores = sliceScores,
            ScanScore = Pooling.Pool(chosen.Where((_, i) => scored[i]).ToList()),
            Scored = scored,
            AreaFractions = fractions,
            DScores = dScores,
            Apds = heat.Apds,
            Heatmaps = maps,
            HeatmapPeaks = peaks,
            HeatmapStrengths = strengths,
            HeatmapSize = size,
            Threshold = Bundle.Manifest.Thresholds.Scan,
        };
    }


    // Images, effective-area masks and the residual x − x_dd (or the masked image for a raw-image bundle) in the caller's dispose scope.
    private (Tensor Images, Tensor Masks, Tensor Residual) Residuals(IReadOnlyList<PreparedSlice> slices)
    {
        var images = SliceBatch.Images(slices, networks.Device);
        var masks = SliceBatch.Masks(slices, networks.Device);
        var residual = networks.Inpaint is { } inpaint
            ? DifferenceImage.Residual(inpaint, networks.Device, canny, Grid, images, masks, options.MaxBatch)
            : images * masks;
        return (images, masks, residual);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        center.Dispose();
        networks.Dispose();
        Bundle.Dispose();
    }
}

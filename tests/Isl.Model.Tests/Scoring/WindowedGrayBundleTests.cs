using Isl.Dicom;
using Isl.Model.Bundles;
using Isl.Model.Dedn;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.Model.Training;
using Isl.Testing;

namespace Isl.Model.Tests.Scoring;

// A bundle trained on pre-windowed 8-bit images that records its source window scores DICOM (HU) as it scores the
// same slice's 8-bit image, and only the intracranial region decides.
public sealed class WindowedGrayBundleTests : IClassFixture<WindowedGrayBundleTests.Bundles>
{
    private static readonly HuWindow Window = new(40, 120);
    private readonly Bundles bundles;

    public WindowedGrayBundleTests(Bundles bundles) => this.bundles = bundles;

    [Fact]
    public void A_real_dicom_slice_and_its_8_bit_image_get_the_same_score()
    {
        using var scorer = IslScorer.Load(bundles.Intracranial, DeviceOption.Cpu);
        var slices = GeSlices().Skip(10).Take(3).ToList();
        var fromHu = scorer.ScoreHu(slices);
        var fromGray = scorer.ScoreGray(slices.Select(ToEightBit).ToList());
        var order = fromHu.SliceOrder.ToList();
        for (var i = 0; i < slices.Count; i++)
        {
            Assert.Equal(fromGray.Scored[i], fromHu.Scored[order.IndexOf(i)]);
            var hu = fromHu.SliceScores[order.IndexOf(i)];
            var gray = fromGray.SliceScores[i];
            Assert.True(Math.Abs(hu - gray) <= 0.02 * Math.Max(Math.Abs(hu), 1e-3), $"slice {i}: {hu} from HU vs {gray} from its 8-bit image");
        }
    }

    [Fact]
    public void Air_and_neck_slices_are_not_scored_and_leave_the_scan_score_out()
    {
        using var scorer = IslScorer.Load(bundles.Intracranial, DeviceOption.Cpu);
        var brain = GeSlices().Skip(12).First();
        var air = brain with { Hu = Enumerable.Repeat(-1000f, brain.Hu.Length).ToArray(), Geometry = null };
        var neck = brain with { Hu = brain.Hu.Select(v => v > 88 ? 40f : v).ToArray(), Geometry = null };
        var result = scorer.ScoreHu([brain with { Geometry = null }, air, neck]);
        Assert.Equal([true, false, false], result.Scored);
        Assert.Equal(result.SliceScores[0], result.ScanScore, 6);
        Assert.True(result.AreaFractions[0] > 0.1 && result.AreaFractions[1] == 0 && result.AreaFractions[2] < 0.04, string.Join(", ", result.AreaFractions));
        Assert.Throws<NoScorableSliceException>(() => scorer.ScoreHu([air, neck]));
    }

    [Fact]
    public void A_gray_bundle_without_a_source_window_refuses_hu_slices_with_a_clear_reason()
    {
        using var scorer = IslScorer.Load(bundles.WithoutWindow, DeviceOption.Cpu);
        Assert.NotNull(scorer.Bundle.Manifest.Preprocessing.HuInputProblem());
        var error = Assert.Throws<IslModelException>(() => scorer.ScoreHu([GeSlices().First()]));
        Assert.Contains("cannot score", error.Message, StringComparison.Ordinal);
        Assert.Null(ModelBundle.ReadManifest(bundles.Intracranial).Preprocessing.HuInputProblem());
    }

    private static List<HuSlice> GeSlices() => SharedData.GeHeadCtFiles().Select(f => DicomSlices.FromFile(DicomFile.Open(f), f)).ToList();

    // What an 8-bit PNG of the slice holds: the window applied, rounded to 256 levels.
    private static GrayImage ToEightBit(HuSlice slice)
        => new(slice.Hu.Select(v => MathF.Round(Window.Apply(v) * 255) / 255f).ToArray(), slice.Rows, slice.Columns);

    public sealed class Bundles : IDisposable
    {
        private readonly TempDirectory root = new("isl-gray-bundle");

        public Bundles()
        {
            var settings = PreprocessingSettings.ForGray(32) with { SourceWindow = Window, EffectiveArea = EffectiveArea.Intracranial };
            Intracranial = Train(settings, "intracranial");
            WithoutWindow = Train(PreprocessingSettings.ForGray(32), "no-window");
        }

        public string Intracranial { get; }

        public string WithoutWindow { get; }

        public void Dispose() => root.Dispose();

        private string Train(PreprocessingSettings settings, string name)
        {
            var (images, masks) = SyntheticSlices.Heads(8, 32, seed: 4);
            var options = new PipelineTrainingOptions
            {
                Profile = NetworkProfile.Tiny with { Size = 32 },
                Preprocessing = settings,
                DeDn = new DeDnTrainingOptions { BatchSize = 2, Grid = new GridSettings { K = 4 } },
                DeDnSteps = 2,
                Drn = new Isl.Model.Drn.DrnTrainingOptions { PretrainSteps = 2, Steps = 2, BatchSize = 4 },
                ModelId = name,
                TrainingData = new TrainingDataSummary { Slices = 8, Hash = TrainingDataSummary.HashOf([name]) },
                Device = DeviceOption.Cpu,
            };
            using var bundle = IslPipelineTrainer.Train(images, masks, options);
            var directory = root.Combine(name);
            bundle.Save(directory);
            return directory;
        }
    }
}

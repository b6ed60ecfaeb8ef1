using Isl.Model.Heatmaps;
using System.CommandLine;
using Isl.Testing;
using Isl.Trainer.Cli;
using Isl.Trainer.Data;
using Isl.Trainer.Data.Dicom;
using Isl.Trainer.Evaluation.Pointing;

namespace Isl.Trainer.Tests.Evaluation.Pointing;

public sealed class PointingGameTests
{
    private const int Size = 32;

    private static int Phantoms(params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in PhantomCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).Invoke();
    }

    private static (SliceCacheManifest Cache, string Folder) OneNormalOneSubdural(TempDirectory temp)
    {
        var folder = temp.Combine("phantoms");
        Assert.Equal(0, Phantoms("phantoms", "--normal", "1", "--abnormal", "1", "--seed", "40", "--slices", "3", "--spacing", "5", "--lesion", "sdh", "--size", "Large", "--out", folder));
        Assert.Equal(0, Phantoms("phantoms", "labels", "--data", folder));
        var cache = DicomDatasetPreparer.Prepare(folder, temp.Combine("cache"), new PreparationOptions { Size = Size });
        return (cache, folder);
    }

    // A peak on the first lesion voxel of each slice's mask (or the corner where there is none).
    private static HeatmapPeak[] PeaksOnLesions(SliceCacheManifest cache, bool onLesion)
    {
        return cache.Slices.Select(entry =>
        {
            var truth = PhantomStudyTruth.Read(Path.GetDirectoryName(entry.Source)!);
            var mask = truth.MaskOf(entry.Source);
            var first = Array.FindIndex(mask, v => v != 0);
            if (!onLesion || first < 0)
            {
                return new HeatmapPeak(first < 0 ? 0 : 1, 0, 0, Size);
            }

            var scale = truth.Rows / Size;
            return new HeatmapPeak(1, first / truth.Columns / scale, first % truth.Columns / scale, Size);
        }).ToArray();
    }

    [Fact]
    public void Labels_file_has_a_column_per_lesion_type_and_size_class()
    {
        using var temp = new TempDirectory("pointing");
        var (_, folder) = OneNormalOneSubdural(temp);

        var lines = File.ReadAllLines(Path.Combine(folder, "labels.csv"));

        Assert.Equal(["path,subdural-hematoma,size-large", "abnormal-000041-subdural-hematoma,1,1", "normal-000040,0,0"], lines);
    }

    [Fact]
    public void Peaks_on_the_lesion_hit_and_peaks_in_the_corner_miss()
    {
        using var temp = new TempDirectory("pointing");
        var (cache, _) = OneNormalOneSubdural(temp);

        var hits = PointingGame.Play(cache.Slices, PeaksOnLesions(cache, onLesion: true)).Groups;
        var misses = PointingGame.Play(cache.Slices, PeaksOnLesions(cache, onLesion: false)).Groups;

        Assert.Equal(["all", "subdural-hematoma", "size-large"], hits.Select(t => t.Group));
        var all = hits[0];
        Assert.Equal((1, 1), (all.Scans, all.ScanHits));
        Assert.InRange(all.Slices, 1, 3);
        Assert.Equal(all.Slices, all.SliceHits);
        Assert.Equal((1, 0, all.Slices, 0), (misses[0].Scans, misses[0].ScanHits, misses[0].Slices, misses[0].SliceHits));

        // Per lesion slice: hit or not, and with strength maps how strong the heatmap was on the lesion.
        var flat = cache.Slices.Select(_ => Enumerable.Repeat(0.5f, Size * Size).ToArray()).ToArray();
        var rows = PointingGame.Play(cache.Slices, PeaksOnLesions(cache, onLesion: false), flat).Lesions;
        Assert.Equal(all.Slices, rows.Count);
        Assert.All(rows, r => Assert.Equal((false, 0, 0, 0.5), (r.Hit, r.PeakRow, r.PeakColumn, r.LesionStrength)));
        Assert.All(rows, r => Assert.InRange(r.LesionPixels, 1, (Size * Size) - 1));
        Assert.All(PointingGame.Play(cache.Slices, PeaksOnLesions(cache, onLesion: true)).Lesions, r => Assert.Equal((true, null), (r.Hit, r.LesionStrength)));
    }

    [Fact]
    public void A_folder_without_phantom_labels_is_a_clear_error()
    {
        using var temp = new TempDirectory("pointing");
        Directory.CreateDirectory(temp.Combine("empty"));

        var error = Assert.Throws<TrainerException>(() => PhantomLabelsFile.Write(temp.Path));

        Assert.Contains("no phantom study folders", error.Message, StringComparison.Ordinal);
    }
}

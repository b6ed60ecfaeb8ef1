using Isl.Testing;
using Isl.Trainer.Data;
using Isl.Trainer.Tests.Support;

namespace Isl.Trainer.Tests.Data;

public sealed class PngDatasetPreparerTests
{
    [Fact]
    public void ListsTheBrokenFileAndPreparesTheRest()
    {
        using var source = new TempDirectory();
        using var cacheDir = new TempDirectory();
        SyntheticPngSet.Write(source.Path, normals: 4, disorders: 2, size: 40);
        File.WriteAllBytes(source.Combine("normal", "broken.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2]);
        File.WriteAllText(source.Combine("normal", "text.png"), "not an image at all");
        File.AppendAllText(source.Combine("labels.csv"), "normal/broken.png,0\nnormal/text.png,0\nnormal/missing.png,0\n");

        var manifest = PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Size = 32 });

        Assert.Equal(6, manifest.Slices.Count);
        Assert.Equal(["normal/missing.png", "normal/broken.png", "normal/text.png"], manifest.Rejected.Select(r => r.Path));
        Assert.Contains("not found", manifest.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("decode", manifest.Rejected[1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("decode", manifest.Rejected[2].Reason, StringComparison.OrdinalIgnoreCase);
        var cache = SliceCache.Open(cacheDir.Path);
        Assert.Equal((32, 32, 1), (cache.Manifest.Width, cache.Manifest.Height, cache.Manifest.Channels));
        Assert.Equal(2, cache.Entries.Count(e => e.IsDisorder));
        var pixels = cache.ReadSlice(0);
        Assert.All(pixels, v => Assert.InRange(v, 0f, 1f));
        Assert.True(pixels.Max() > 0.5f, "the skull ring should be bright");
        Assert.Equal(0f, pixels[0]);
        var mask = cache.ReadMask(0);
        Assert.Equal(1f, mask[(16 * 32) + 16]);
        Assert.Equal(0f, mask[0]);
    }

    [Fact]
    public void NormalsOnlyAndFoldsSelectTheTrainingSet()
    {
        using var source = new TempDirectory();
        using var cacheDir = new TempDirectory();
        SyntheticPngSet.Write(source.Path, normals: 6, disorders: 3, size: 24);
        var all = PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Size = 16, Selection = SliceSelection.Normals });
        Assert.Equal(6, all.Slices.Count);
        Assert.DoesNotContain(all.Slices, s => s.IsDisorder);

        var train = PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Size = 16, Selection = SliceSelection.Normals, Fold = new FoldSelection(3, 0, false) });
        Assert.Equal(4, train.Slices.Count);
        Assert.Empty(train.Rejected);
    }

    [Fact]
    public void FolderWithoutLabelsTakesEveryPngUnlabelled()
    {
        using var source = new TempDirectory();
        using var cacheDir = new TempDirectory();
        Directory.CreateDirectory(source.Combine("sub"));
        SyntheticPngSet.WriteGray(source.Combine("sub", "a.png"), 20, 10, (x, _) => (byte)(x * 12));
        var manifest = PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Size = 16 });
        var entry = Assert.Single(manifest.Slices);
        Assert.Equal("sub/a.png", entry.Id);
        Assert.Null(entry.Labels);
        Assert.Throws<TrainerException>(() => PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Selection = SliceSelection.Normals }));
    }

    [Fact]
    public void A_row_naming_a_folder_is_one_scan_of_its_png_and_jpeg_slices_and_folds_split_by_scan()
    {
        using var source = new TempDirectory();
        using var cacheDir = new TempDirectory();
        using (var labels = new StreamWriter(source.Combine("labels.csv")))
        {
            labels.WriteLine("path,hemorrhage,EDH");
            for (var scan = 0; scan < 6; scan++)
            {
                var folder = source.Combine("scans", $"{scan:D3}");
                Directory.CreateDirectory(folder);
                for (var k = 0; k < 3; k++)
                {
                    SyntheticPngSet.WriteGray(Path.Combine(folder, $"{k:D2}.png"), 24, 24, (x, y) => (byte)((x + y + scan) % 200));
                }

                SyntheticPngSet.WriteJpeg(Path.Combine(folder, "03.jpg"), 24, 24, (x, y) => (byte)((x * y) % 180));
                labels.WriteLine($"scans/{scan:D3},{(scan >= 4 ? 1 : 0)},{(scan == 5 ? 1 : 0)}");
            }
        }

        Directory.CreateDirectory(source.Combine("masks", "005"));
        SyntheticPngSet.WriteGray(source.Combine("masks", "005", "00.png"), 24, 24, (_, _) => 255);
        var all = PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Size = 16 });
        Assert.False(all.SliceLevelLabels);
        Assert.Equal(24, all.Slices.Count);
        Assert.Equal(6, all.Slices.Select(s => s.Scan).Distinct().Count());
        Assert.All(all.Slices, s => Assert.StartsWith(s.Scan + "/", s.Id, StringComparison.Ordinal));
        Assert.Equal(["scans/005/00.png", "scans/005/01.png", "scans/005/02.png", "scans/005/03.jpg"], all.Slices.Where(s => s.Scan == "scans/005").Select(s => s.Id));
        Assert.All(all.Slices.Where(s => s.Scan == "scans/005"), s => Assert.Equal([true, true], s.Labels!));
        Assert.DoesNotContain(all.Slices, s => s.Id.Contains("masks", StringComparison.Ordinal));

        var trainScans = PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Size = 16, Selection = SliceSelection.Normals, Fold = new FoldSelection(2, 1, false) })
            .Slices.Select(s => s.Scan).ToHashSet();
        var heldScans = PngDatasetPreparer.Prepare(source.Path, cacheDir.Path, new PreparationOptions { Size = 16, Selection = SliceSelection.Normals, Fold = new FoldSelection(2, 1, true) })
            .Slices.Select(s => s.Scan).ToHashSet();
        Assert.Empty(trainScans.Intersect(heldScans));
        Assert.Equal(4, trainScans.Union(heldScans).Count());
        Assert.Equal(2, trainScans.Count);
    }
}

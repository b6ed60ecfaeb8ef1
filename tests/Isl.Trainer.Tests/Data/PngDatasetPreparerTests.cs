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
}

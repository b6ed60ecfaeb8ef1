using Isl.Testing;
using Isl.Model.Preprocessing;
using Isl.Trainer.Data;

namespace Isl.Trainer.Tests.Data;

public sealed class SliceCacheTests
{
    private static SliceCacheManifest Template => new() { Mode = "test", Width = 4, Height = 3, Channels = 2, LabelNames = ["x"], Preprocessing = PreprocessingSettings.ForGray(16) };

    [Fact]
    public void RoundTripsSlicesAndEntries()
    {
        using var temp = new TempDirectory();
        var first = Enumerable.Range(0, 24).Select(i => i / 24f).ToArray();
        var second = Enumerable.Range(0, 24).Select(i => 1 - (i / 24f)).ToArray();
        using (var writer = new SliceCacheWriter(temp.Path, Template))
        {
            writer.Append(new SliceEntry("a", "scan1", "/in/a", 0, [false]), first, new float[12]);
            writer.Append(new SliceEntry("b", "scan1", "/in/b", 1, [true]), second, Enumerable.Repeat(1f, 12).ToArray());
            writer.Complete([new InputProblem("c", "broken, badly")]);
        }

        var cache = SliceCache.Open(temp.Path);
        Assert.Equal(2, cache.Entries.Count);
        Assert.Equal(first, cache.ReadSlice(0));
        Assert.Equal(second, cache.ReadSlice(1));
        Assert.Equal([.. first, .. second], cache.ReadAll());
        Assert.Equal(Enumerable.Repeat(1f, 12), cache.ReadMask(1));
        Assert.Equal(24, cache.ReadAllMasks().Length);
        Assert.True(cache.Entries[1].IsDisorder);
        Assert.Equal(1, cache.Entries[1].SliceIndex);
        Assert.Equal("broken, badly", Assert.Single(cache.Manifest.Rejected).Reason);
        Assert.Equal(["path,reason", "c,\"broken, badly\""], File.ReadAllLines(temp.Combine(SliceCache.RejectedName)));
    }

    [Fact]
    public void WrongSliceSizeAndDuplicateIdsAreRefused()
    {
        using var temp = new TempDirectory();
        using var writer = new SliceCacheWriter(temp.Path, Template);
        Assert.Throws<TrainerException>(() => writer.Append(new SliceEntry("a", "s", "a", 0, null), new float[5], new float[12]));
        writer.Append(new SliceEntry("a", "s", "a", 0, null), new float[24], new float[12]);
        Assert.Throws<TrainerException>(() => writer.Append(new SliceEntry("a", "s", "a", 0, null), new float[24], new float[12]));
    }

    [Fact]
    public void IncompleteTruncatedOrForeignCachesAreClearErrors()
    {
        using var temp = new TempDirectory();
        using (var writer = new SliceCacheWriter(temp.Path, Template))
        {
            writer.Append(new SliceEntry("a", "s", "a", 0, null), new float[24], new float[12]);
        }

        Assert.Contains("no cache.json", Assert.Throws<TrainerException>(() => SliceCache.Open(temp.Path)).Message, StringComparison.Ordinal);

        using (var writer = new SliceCacheWriter(temp.Path, Template))
        {
            writer.Append(new SliceEntry("a", "s", "a", 0, null), new float[24], new float[12]);
            writer.Complete([]);
        }

        using (var data = new FileStream(temp.Combine("slices.f32"), FileMode.Open))
        {
            data.SetLength(10);
        }

        Assert.Contains("Prepare the data again", Assert.Throws<TrainerException>(() => SliceCache.Open(temp.Path)).Message, StringComparison.Ordinal);

        File.WriteAllText(temp.Combine("cache.json"), "{ \"format\": \"other\", \"mode\": \"x\", \"width\": 1, \"height\": 1, \"channels\": 1 }");
        Assert.Throws<TrainerException>(() => SliceCache.Open(temp.Path));
        File.WriteAllText(temp.Combine("cache.json"), "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<TrainerException>(() => SliceCache.Open(temp.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldsPartitionNamesDeterministically()
    {
        var names = Enumerable.Range(0, 23).Select(i => $"n{i}.png").ToArray();
        var heldOut = Enumerable.Range(0, 5).Select(f => new FoldSelection(5, f, true).Keep(names)).ToArray();
        Assert.Equal(names.Length, heldOut.Sum(h => h.Count));
        Assert.Equal(names.OrderBy(n => n), heldOut.SelectMany(h => h).OrderBy(n => n));
        Assert.All(heldOut, h => Assert.InRange(h.Count, 4, 5));
        var training = new FoldSelection(5, 2, false).Keep(names.Reverse());
        Assert.Equal(names.Except(heldOut[2]).OrderBy(n => n), training.OrderBy(n => n));
        Assert.Throws<TrainerException>(() => new FoldSelection(1, 0, true).Validate());
    }
}

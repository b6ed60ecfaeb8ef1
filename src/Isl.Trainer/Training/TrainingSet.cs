using Isl.Model.Bundles;
using Isl.Model.Preprocessing;
using Isl.Trainer.Data;
using static TorchSharp.torch;

namespace Isl.Trainer.Training;

/// <summary>The normal slices of a slice cache as tensors on the CPU: images [N, C, S, S] and head masks [N, 1, S, S].</summary>
public sealed class TrainingSet : IDisposable
{
    private TrainingSet(SliceCache cache, Tensor images, Tensor masks, TrainingDataSummary summary)
    {
        Cache = cache;
        Images = images;
        Masks = masks;
        Summary = summary;
    }

    /// <summary>The cache the slices came from.</summary>
    public SliceCache Cache { get; }

    /// <summary>Images [N, C, S, S] in [0, 1].</summary>
    public Tensor Images { get; }

    /// <summary>Head masks [N, 1, S, S].</summary>
    public Tensor Masks { get; }

    /// <summary>What the set holds, for the bundle.</summary>
    public TrainingDataSummary Summary { get; }

    /// <summary>Slices in the set.</summary>
    public int Count => (int)Images.shape[0];

    /// <summary>Loads the normal (or unlabelled) slices of <paramref name="cacheDirectory"/>; labelled disorders are left out.</summary>
    public static TrainingSet LoadNormals(string cacheDirectory)
    {
        var cache = SliceCache.Open(cacheDirectory);
        var manifest = cache.Manifest;
        if (manifest.Width != manifest.Height)
        {
            throw new TrainerException($"{cacheDirectory} holds {manifest.Width}×{manifest.Height} slices; the networks need square ones.");
        }

        // In intracranial mode a slice with too little brain (air above the vertex, neck, skull base) is never scored, so it is not trained on either.
        var allMasks = cache.ReadAllMasks();
        var settings = manifest.Preprocessing;
        var normals = Enumerable.Range(0, cache.Entries.Count).Where(i => !cache.Entries[i].IsDisorder).ToArray();
        var keep = normals.Where(i => settings.CountsSlice(PreparedSlice.FractionInside(allMasks.AsSpan(i * manifest.PixelsPerSlice, manifest.PixelsPerSlice)))).ToArray();
        if (keep.Length < 2)
        {
            throw new TrainerException($"{cacheDirectory} has {keep.Length} normal slice(s) to train on ({normals.Length - keep.Length} left out for too little intracranial area); training needs at least 2 (prepare with --select normals).");
        }

        var all = cache.ReadAll();
        var images = new float[keep.Length * manifest.ValuesPerSlice];
        var masks = new float[keep.Length * manifest.PixelsPerSlice];
        for (var k = 0; k < keep.Length; k++)
        {
            Array.Copy(all, (long)keep[k] * manifest.ValuesPerSlice, images, (long)k * manifest.ValuesPerSlice, manifest.ValuesPerSlice);
            Array.Copy(allMasks, (long)keep[k] * manifest.PixelsPerSlice, masks, (long)k * manifest.PixelsPerSlice, manifest.PixelsPerSlice);
        }

        var entries = keep.Select(i => cache.Entries[i]).ToArray();
        var summary = new TrainingDataSummary
        {
            Slices = keep.Length,
            Studies = entries.Select(e => e.Scan).Distinct(StringComparer.Ordinal).Count(),
            Sources = [manifest.SourceDirectory],
            Hash = TrainingDataSummary.HashOf(entries.Select(e => e.Id)),
            Notes = $"{manifest.Mode} slices from an isl-slice-cache; {cache.Entries.Count - normals.Length} labelled disorder slice(s) left out" + (normals.Length > keep.Length ? $"; {normals.Length - keep.Length} normal slice(s) with less than {settings.MinIntracranialFraction:P0} intracranial area left out" : ""),
        };
        return new TrainingSet(
            cache,
            tensor(images, [keep.Length, manifest.Channels, manifest.Height, manifest.Width]),
            tensor(masks, [keep.Length, 1, manifest.Height, manifest.Width]),
            summary);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Masks.Dispose();
    }
}

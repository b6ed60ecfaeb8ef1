using System.Runtime.InteropServices;
using System.Text.Json;

namespace Isl.Trainer.Data;

/// <summary>Reads a slice cache folder written by <see cref="SliceCacheWriter"/> (format in <see cref="SliceCacheManifest"/>).</summary>
public sealed class SliceCache
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "cache.json";

    /// <summary>The skipped-inputs list's file name.</summary>
    public const string RejectedName = "rejected.csv";

    private readonly string _dataPath;
    private readonly string _maskPath;

    private SliceCache(string directory, SliceCacheManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
        _dataPath = Path.Combine(directory, manifest.DataFile);
        _maskPath = Path.Combine(directory, manifest.MaskFile);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The manifest.</summary>
    public SliceCacheManifest Manifest { get; }

    /// <summary>The slices.</summary>
    public IReadOnlyList<SliceEntry> Entries => Manifest.Slices;

    /// <summary>Opens and validates a cache; fails with a clear message when it is missing, incomplete or inconsistent.</summary>
    public static SliceCache Open(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new TrainerException($"{directory} is not a slice cache (no {ManifestName}); run `isl-trainer prepare` first, or it was interrupted.");
        }

        SliceCacheManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SliceCacheManifest>(File.ReadAllText(manifestPath), SliceCacheJson.Options);
        }
        catch (JsonException ex)
        {
            throw new TrainerException($"{manifestPath} is not valid JSON: {ex.Message}", ex);
        }

        if (manifest is null || manifest.Format != SliceCacheManifest.FormatName)
        {
            throw new TrainerException($"{manifestPath} is not an {SliceCacheManifest.FormatName} manifest.");
        }

        if (manifest.Version != SliceCacheManifest.CurrentVersion)
        {
            throw new TrainerException($"{manifestPath} has format version {manifest.Version}; this trainer reads version {SliceCacheManifest.CurrentVersion}. Prepare the data again.");
        }

        if (manifest.Width < 1 || manifest.Height < 1 || manifest.Channels < 1)
        {
            throw new TrainerException($"{manifestPath} declares an impossible slice size {manifest.Width}×{manifest.Height}×{manifest.Channels}.");
        }

        var cache = new SliceCache(directory, manifest);
        var expected = (long)manifest.Slices.Count * manifest.ValuesPerSlice * sizeof(float);
        var actual = File.Exists(cache._dataPath) ? new FileInfo(cache._dataPath).Length : -1;
        if (actual != expected)
        {
            throw new TrainerException($"{cache._dataPath} holds {actual} bytes; the manifest's {manifest.Slices.Count} slices need {expected}. Prepare the data again.");
        }

        var expectedMasks = (long)manifest.Slices.Count * manifest.PixelsPerSlice;
        var actualMasks = File.Exists(cache._maskPath) ? new FileInfo(cache._maskPath).Length : -1;
        if (actualMasks != expectedMasks)
        {
            throw new TrainerException($"{cache._maskPath} holds {actualMasks} bytes; the manifest's {manifest.Slices.Count} slices need {expectedMasks}. Prepare the data again.");
        }

        return cache;
    }

    /// <summary>The values of slice <paramref name="index"/> (C·H·W floats).</summary>
    public float[] ReadSlice(int index)
    {
        var values = new float[Manifest.ValuesPerSlice];
        ReadSlice(index, values);
        return values;
    }

    /// <summary>Reads slice <paramref name="index"/> into <paramref name="destination"/>.</summary>
    public void ReadSlice(int index, Span<float> destination)
    {
        if ((uint)index >= (uint)Entries.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The cache holds {Entries.Count} slices.");
        }

        using var stream = new FileStream(_dataPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.Position = (long)index * Manifest.ValuesPerSlice * sizeof(float);
        stream.ReadExactly(MemoryMarshal.AsBytes(destination[..Manifest.ValuesPerSlice]));
    }

    /// <summary>All head masks back to back (N·H·W values, 1 inside the head, 0 outside).</summary>
    public float[] ReadAllMasks()
    {
        var bytes = File.ReadAllBytes(_maskPath);
        var values = new float[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            values[i] = bytes[i];
        }

        return values;
    }

    /// <summary>The head mask of slice <paramref name="index"/> (H·W values, 1 inside).</summary>
    public float[] ReadMask(int index)
    {
        if ((uint)index >= (uint)Entries.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The cache holds {Entries.Count} slices.");
        }

        var bytes = new byte[Manifest.PixelsPerSlice];
        using var stream = new FileStream(_maskPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.Position = (long)index * Manifest.PixelsPerSlice;
        stream.ReadExactly(bytes);
        return bytes.Select(b => (float)b).ToArray();
    }

    /// <summary>All slices back to back (N·C·H·W floats), for small caches that fit in memory.</summary>
    public float[] ReadAll()
    {
        var values = new float[(long)Entries.Count * Manifest.ValuesPerSlice];
        using var stream = new FileStream(_dataPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}

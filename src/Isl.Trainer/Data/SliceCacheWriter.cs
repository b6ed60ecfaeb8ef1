using System.Runtime.InteropServices;
using System.Text.Json;

namespace Isl.Trainer.Data;

/// <summary>Writes a slice cache folder (see <see cref="SliceCacheManifest"/>); the manifest is written last, so a folder without one is incomplete.</summary>
public sealed class SliceCacheWriter : IDisposable
{
    private readonly string _directory;
    private readonly SliceCacheManifest _template;
    private readonly FileStream _data;
    private readonly FileStream _masks;
    private readonly List<SliceEntry> _entries = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private bool _completed;

    /// <summary>Starts a cache in <paramref name="directory"/> (created; an old cache there is replaced).</summary>
    public SliceCacheWriter(string directory, SliceCacheManifest template)
    {
        if (template.Width < 1 || template.Height < 1 || template.Channels < 1)
        {
            throw new TrainerException($"A slice cache needs a positive size and channel count; got {template.Width}×{template.Height}×{template.Channels}.");
        }

        _directory = directory;
        _template = template;
        Directory.CreateDirectory(directory);
        File.Delete(Path.Combine(directory, SliceCache.ManifestName));
        _data = new FileStream(Path.Combine(directory, template.DataFile), FileMode.Create, FileAccess.Write);
        _masks = new FileStream(Path.Combine(directory, template.MaskFile), FileMode.Create, FileAccess.Write);
    }

    /// <summary>How many slices were appended.</summary>
    public int Count => _entries.Count;

    /// <summary>Appends one slice of exactly C·H·W values and its H·W head mask (non-zero = inside).</summary>
    public void Append(SliceEntry entry, ReadOnlySpan<float> values, ReadOnlySpan<float> mask)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (values.Length != _template.ValuesPerSlice)
        {
            throw new TrainerException($"Slice '{entry.Id}' has {values.Length} values; the cache expects {_template.ValuesPerSlice}.");
        }

        if (mask.Length != _template.PixelsPerSlice)
        {
            throw new TrainerException($"Slice '{entry.Id}' has a mask of {mask.Length} pixels; the cache expects {_template.PixelsPerSlice}.");
        }

        if (!_ids.Add(entry.Id))
        {
            throw new TrainerException($"Slice id '{entry.Id}' is already in the cache.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The slice cache is written on little-endian machines only.");
        }

        _data.Write(MemoryMarshal.AsBytes(values));
        var maskBytes = new byte[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            maskBytes[i] = mask[i] != 0 ? (byte)1 : (byte)0;
        }

        _masks.Write(maskBytes);
        _entries.Add(entry);
    }

    /// <summary>Flushes the data and writes <c>cache.json</c> and <c>rejected.csv</c>; returns the manifest.</summary>
    public SliceCacheManifest Complete(IReadOnlyList<InputProblem> rejected)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _data.Flush(flushToDisk: true);
        _data.Dispose();
        _masks.Flush(flushToDisk: true);
        _masks.Dispose();
        _completed = true;
        var manifest = _template with { Slices = _entries.ToArray(), Rejected = rejected.ToArray() };
        using (var csv = new StreamWriter(Path.Combine(_directory, SliceCache.RejectedName)))
        {
            csv.WriteLine("path,reason");
            foreach (var problem in rejected)
            {
                csv.WriteLine($"{CsvLine.Quote(problem.Path)},{CsvLine.Quote(problem.Reason)}");
            }
        }

        var temp = Path.Combine(_directory, SliceCache.ManifestName + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(manifest, SliceCacheJson.Options));
        File.Move(temp, Path.Combine(_directory, SliceCache.ManifestName), overwrite: true);
        return manifest;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_completed)
        {
            _data.Dispose();
            _masks.Dispose();
            _completed = true;
        }
    }
}

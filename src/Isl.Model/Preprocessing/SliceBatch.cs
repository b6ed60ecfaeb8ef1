using static TorchSharp.torch;

namespace Isl.Model.Preprocessing;

/// <summary>Stacks prepared slices into tensors.</summary>
public static class SliceBatch
{
    /// <summary>Images [N, C, S, S] on <paramref name="device"/>.</summary>
    public static Tensor Images(IReadOnlyList<PreparedSlice> slices, Device? device = null)
    {
        var first = Check(slices);
        var data = new float[slices.Count * first.Pixels.Length];
        for (var i = 0; i < slices.Count; i++)
        {
            slices[i].Pixels.CopyTo(data, i * first.Pixels.Length);
        }

        return tensor(data, [slices.Count, first.Channels, first.Size, first.Size], device: device);
    }

    /// <summary>Head masks [N, 1, S, S] on <paramref name="device"/>.</summary>
    public static Tensor Masks(IReadOnlyList<PreparedSlice> slices, Device? device = null)
    {
        var first = Check(slices);
        var data = new float[slices.Count * first.Mask.Length];
        for (var i = 0; i < slices.Count; i++)
        {
            slices[i].Mask.CopyTo(data, i * first.Mask.Length);
        }

        return tensor(data, [slices.Count, 1, first.Size, first.Size], device: device);
    }

    private static PreparedSlice Check(IReadOnlyList<PreparedSlice> slices)
    {
        if (slices.Count == 0)
        {
            throw new IslModelException("No slices to stack.");
        }

        var first = slices[0];
        if (slices.Any(s => s.Channels != first.Channels || s.Size != first.Size || s.Pixels.Length != s.Channels * s.Size * s.Size))
        {
            throw new IslModelException("Slices differ in channels or size; prepare them with one preprocessor.");
        }

        return first;
    }
}

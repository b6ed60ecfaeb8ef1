using System.Runtime.InteropServices;
using TorchSharp;

namespace Isl.Model.Tests;

/// <summary>
/// The fill policy of libtorch's CPU allocator (the c10 flags behind it). <see cref="JunkFill"/> fills new
/// memory with NaN patterns, so any computation that reads memory it never wrote shows up as NaN: the tests run
/// training under it to prove no layer does (see ChannelAlignedConvolution for the oneDNN case that did).
/// </summary>
internal static class TorchCpuAllocator
{
    private const string ZeroFillFlag = "FLAGS_caffe2_cpu_allocator_do_zero_fill";
    private const string JunkFillFlag = "FLAGS_caffe2_cpu_allocator_do_junk_fill";
    private static readonly Lazy<(IntPtr Zero, IntPtr Junk)> Flags = new(FindFlags);

    /// <summary>Whether new CPU allocations are filled with NaN patterns (libtorch default: no).</summary>
    public static bool JunkFill
    {
        get => Marshal.ReadByte(Flags.Value.Junk) != 0;
        set
        {
            // libtorch aborts the process when both flags are set.
            Marshal.WriteByte(Flags.Value.Zero, 0);
            Marshal.WriteByte(Flags.Value.Junk, value ? (byte)1 : (byte)0);
        }
    }

    private static (IntPtr Zero, IntPtr Junk) FindFlags()
    {
        _ = torch.get_num_threads(); // loads libtorch (and with it libc10), whose flags we set
        if (!NativeLibrary.TryLoad("libc10.so", out var c10) && !NativeLibrary.TryLoad("c10.dll", out c10))
        {
            throw new InvalidOperationException("libtorch's c10 library is not loaded; cannot set the CPU allocator's fill policy.");
        }

        if (!NativeLibrary.TryGetExport(c10, ZeroFillFlag, out var zero) || !NativeLibrary.TryGetExport(c10, JunkFillFlag, out var junk))
        {
            throw new InvalidOperationException($"This libtorch's c10 library exports no {ZeroFillFlag}/{JunkFillFlag}; cannot set the CPU allocator's fill policy.");
        }

        return (zero, junk);
    }
}

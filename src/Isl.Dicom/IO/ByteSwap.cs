using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Isl.Dicom.IO;

/// <summary>Swaps the byte order of 2-, 4- or 8-byte units in place.</summary>
internal static class ByteSwap
{
    public static void InPlace(Span<byte> data, int unit)
    {
        var whole = data[..(data.Length - (data.Length % unit))];
        switch (unit)
        {
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(whole), MemoryMarshal.Cast<byte, ushort>(whole));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(whole), MemoryMarshal.Cast<byte, uint>(whole));
                break;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(whole), MemoryMarshal.Cast<byte, ulong>(whole));
                break;
        }
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Isl.Dicom.Network.Tests.TestData;

/// <summary>Seeded mutations of an Explicit VR Little Endian data set: truncations, absurd element lengths, flipped bytes, inserted garbage.</summary>
internal static class DatasetMutations
{
    private static readonly HashSet<string> LongLengthVRs = ["OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UT", "UN", "UC", "UR", "SV", "UV"];

    /// <summary>Case <paramref name="i"/> (one of four kinds) of <paramref name="original"/>, drawn from <paramref name="random"/>.</summary>
    public static (string Kind, byte[] Bytes) Mutate(int i, byte[] original, Random random)
    {
        var headers = TopLevelHeaders(original);
        switch (i % 4)
        {
            case 0:
                return ("truncated", original[..random.Next(0, original.Length)]);
            case 1:
            {
                var bytes = (byte[])original.Clone();
                var (offset, longLength, length) = headers[random.Next(headers.Count)];
                uint[] candidates = [0xFFFFFFFF, 0x7FFFFFFF, 0xFFFFFFF0, length + 2, length - 2, length * 2 + 1, (uint)random.Next()];
                var value = candidates[random.Next(candidates.Length)];
                if (longLength)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 8), value);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset + 6), (ushort)value);
                }

                return ("length", bytes);
            }

            case 2:
            {
                var bytes = (byte[])original.Clone();
                var flips = random.Next(1, 9);
                for (var f = 0; f < flips; f++)
                {
                    bytes[random.Next(Math.Min(bytes.Length, 4096))] ^= (byte)random.Next(1, 256);
                }

                return ("flipped", bytes);
            }

            default:
            {
                var at = headers[random.Next(headers.Count)].Offset;
                var garbage = new byte[random.Next(1, 65)];
                random.NextBytes(garbage);
                return ("inserted", [.. original[..at], .. garbage, .. original[at..]]);
            }
        }
    }

    /// <summary>Offsets of the top-level element headers, whether each has a 4-byte length, and that length.</summary>
    private static List<(int Offset, bool LongLength, uint Length)> TopLevelHeaders(byte[] bytes)
    {
        var headers = new List<(int, bool, uint)>();
        var position = 0;
        while (position + 8 <= bytes.Length)
        {
            var vr = Encoding.ASCII.GetString(bytes, position + 4, 2);
            var longLength = LongLengthVRs.Contains(vr);
            var length = longLength ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 8)) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(position + 6));
            headers.Add((position, longLength, length));
            if (length == 0xFFFFFFFF)
            {
                break;
            }

            position += (longLength ? 12 : 8) + (int)length;
        }

        return headers;
    }
}

using System.Buffers.Binary;

namespace Isl.Dicom.Tests.Fuzz;

/// <summary>Deterministic mutations of a seed file: truncation, byte noise, length-field lies, insertions, deep nesting.</summary>
internal sealed class SeedMutator(Random random)
{
    private static readonly string[] LongVRs = ["OB", "OW", "SQ", "UN", "UT", "UC", "OF", "OL"];
    private static readonly string[] ShortVRs = ["AE", "CS", "DA", "DS", "IS", "LO", "PN", "SH", "UI", "US", "UL", "SS", "TM", "LT", "ST"];

    public (string Kind, byte[] Bytes) Mutate(byte[] seed)
    {
        var kind = random.Next(7);
        return kind switch
        {
            0 => ("truncate", seed[..random.Next(seed.Length)]),
            1 => ("noise", Noise(seed)),
            2 => ("length", CorruptLength(seed, huge: false)),
            3 => ("huge-length", CorruptLength(seed, huge: true)),
            4 => ("insert", Insert(seed)),
            5 => ("header-noise", HeaderNoise(seed)),
            _ => ("nesting", Nesting(seed)),
        };
    }

    private byte[] Noise(byte[] seed)
    {
        var copy = (byte[])seed.Clone();
        var count = 1 + random.Next(16);
        for (var i = 0; i < count; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private byte[] HeaderNoise(byte[] seed)
    {
        var copy = (byte[])seed.Clone();
        var region = Math.Min(copy.Length, 4096);
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            copy[random.Next(region)] = (byte)random.Next(256);
        }

        return copy;
    }

    private byte[] CorruptLength(byte[] seed, bool huge)
    {
        var copy = (byte[])seed.Clone();
        var candidates = new List<(int Offset, int Size)>();
        for (var i = 4; i + 8 < copy.Length && i < 64 * 1024; i++)
        {
            var code = $"{(char)copy[i]}{(char)copy[i + 1]}";
            if (Array.IndexOf(LongVRs, code) >= 0 && copy[i + 2] == 0 && copy[i + 3] == 0)
            {
                candidates.Add((i + 4, 4));
            }
            else if (Array.IndexOf(ShortVRs, code) >= 0)
            {
                candidates.Add((i + 2, 2));
            }
        }

        if (candidates.Count == 0)
        {
            // Implicit VR or no recognisable header: lie in any aligned 32-bit field of the first 4 KiB.
            var offset = random.Next(Math.Max(1, Math.Min(copy.Length - 4, 4096) / 4)) * 4;
            candidates.Add((Math.Min(offset, Math.Max(0, copy.Length - 4)), 4));
        }

        var (at, size) = candidates[random.Next(candidates.Count)];
        if (at + size > copy.Length)
        {
            return copy;
        }

        if (size == 4)
        {
            uint value = huge ? (uint)random.Next(3) switch { 0 => 0xFFFFFFF0u, 1 => 0x7FFFFFFFu, _ => 0xFFFFFFFFu } : (uint)random.Next(0, 1 << 20);
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(at), huge ? (ushort)0xFFFF : (ushort)random.Next(0, 1 << 16));
        }

        return copy;
    }

    private byte[] Insert(byte[] seed)
    {
        var at = random.Next(seed.Length);
        var extra = new byte[1 + random.Next(64)];
        random.NextBytes(extra);
        return [.. seed.AsSpan(0, at), .. extra, .. seed.AsSpan(at)];
    }

    /// <summary>The seed's first bytes followed by thousands of nested undefined-length sequences (explicit or implicit encoding).</summary>
    private byte[] Nesting(byte[] seed)
    {
        var levels = 100 + random.Next(10000);
        var prefix = seed[..Math.Min(seed.Length, 132 + random.Next(512))];
        var explicitVR = random.Next(2) == 0;
        using var stream = new MemoryStream();
        stream.Write(prefix);
        for (var i = 0; i < levels; i++)
        {
            if (explicitVR)
            {
                stream.Write([0x08, 0x00, 0x40, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
            }
            else
            {
                stream.Write([0x08, 0x00, 0x40, 0x11, 0xFF, 0xFF, 0xFF, 0xFF]);
            }

            stream.Write([0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]);
        }

        return stream.ToArray();
    }
}

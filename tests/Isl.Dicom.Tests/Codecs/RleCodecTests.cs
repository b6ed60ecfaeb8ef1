using Isl.Dicom.Codecs;

namespace Isl.Dicom.Tests.Codecs;

public sealed class RleCodecTests
{
    [Theory]
    [InlineData(8, 1, false)]
    [InlineData(16, 1, false)]
    [InlineData(32, 1, false)]
    [InlineData(8, 3, false)]
    [InlineData(8, 3, true)]
    [InlineData(16, 3, false)]
    [InlineData(16, 3, true)]
    public void Encode_then_decode_gives_the_frame_back(int bits, int samples, bool planar)
    {
        var layout = new PixelFrameLayout(33, 131, bits, samples, planar);
        var frame = Frame(layout, seed: bits + samples);

        var fragment = RleCodec.Encode(frame, layout);
        var decoded = new byte[layout.FrameLength];
        RleCodec.Decode(fragment, decoded, layout);

        Assert.Equal(frame, decoded);
        Assert.Equal(0, fragment.Length % 2);
        Assert.Equal((uint)(layout.BytesPerSample * samples), BitConverter.ToUInt32(fragment, 0));
    }

    [Fact]
    public void Runs_compress_and_rows_are_coded_separately()
    {
        var layout = new PixelFrameLayout(4, 300, 8, 1, false);
        var frame = new byte[layout.FrameLength];

        var fragment = RleCodec.Encode(frame, layout);

        // Each 300-byte zero row: runs of 128 + 128 + 44, two bytes each.
        Assert.Equal(64 + (4 * 6), fragment.Length);
    }

    [Fact]
    public void Decodes_a_hand_made_fragment_most_significant_byte_first()
    {
        // One 16-bit sample per pixel, 1 row of 4 pixels: segment 1 holds high bytes, segment 2 low bytes.
        var fragment = new byte[64 + 4 + 6];
        fragment[0] = 2;
        fragment[4] = 64;
        fragment[8] = 68;
        byte[] high = [0xFD, 0x12, 0x00, 0x00];        // replicate 0x12 four times (+ padding)
        byte[] low = [0x03, 0x01, 0x02, 0x03, 0x04, 0x00]; // literal 1,2,3,4 (+ padding)
        high.CopyTo(fragment, 64);
        low.CopyTo(fragment, 68);
        var layout = new PixelFrameLayout(1, 4, 16, 1, false);
        var decoded = new byte[8];

        RleCodec.Decode(fragment, decoded, layout);

        Assert.Equal(new byte[] { 1, 0x12, 2, 0x12, 3, 0x12, 4, 0x12 }, decoded);
    }

    [Fact]
    public void Malformed_fragments_are_parse_errors()
    {
        var layout = new PixelFrameLayout(8, 8, 16, 1, false);
        var good = RleCodec.Encode(Frame(layout, 1), layout);
        var destination = new byte[layout.FrameLength];

        Assert.Throws<DicomParseException>(() => RleCodec.Decode(good.AsSpan(0, 40), destination, layout));
        Assert.Throws<DicomParseException>(() => RleCodec.Decode(good.AsSpan(0, good.Length - 20), destination, layout));
        var wrongCount = (byte[])good.Clone();
        wrongCount[0] = 3;
        Assert.Throws<DicomParseException>(() => RleCodec.Decode(wrongCount, destination, layout));
        var badOffset = (byte[])good.Clone();
        badOffset[9] = 0x7F;
        Assert.Throws<DicomParseException>(() => RleCodec.Decode(badOffset, destination, layout));
    }

    [Fact]
    public void Mutated_fragments_fail_only_with_the_parse_error()
    {
        var layout = new PixelFrameLayout(16, 16, 16, 3, false);
        var good = RleCodec.Encode(Frame(layout, 2), layout);
        var destination = new byte[layout.FrameLength];
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var mutated = (byte[])good.Clone();
            for (var j = random.Next(1, 4); j > 0; j--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            try
            {
                RleCodec.Decode(mutated.AsSpan(0, random.Next(4) == 0 ? random.Next(mutated.Length) : mutated.Length), destination, layout);
            }
            catch (DicomParseException)
            {
            }
        }
    }

    private static byte[] Frame(PixelFrameLayout layout, int seed)
    {
        var random = new Random(seed);
        var frame = new byte[layout.FrameLength];
        for (var i = 0; i < frame.Length; i++)
        {
            // Runs, short repeats and noise, so both packet kinds and all run lengths occur.
            frame[i] = (i / 200 % 3) switch
            {
                0 => 7,
                1 => (byte)(i / 2),
                _ => (byte)random.Next(256),
            };
        }

        return frame;
    }
}

namespace Isl.Dicom.Tests.IO;

public class DicomFileRoundTripTests
{
    public static TheoryData<string> Syntaxes() =>
    [
        DicomTransferSyntax.ImplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ExplicitVRBigEndian.Uid,
    ];

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Files_round_trip_in_every_uncompressed_syntax(string uid)
    {
        var syntax = DicomTransferSyntax.Lookup(uid);
        var original = SampleDatasets.SmallCt();
        var bytes = Save(new DicomFile(original, syntax));

        var reread = DicomFile.Read(new MemoryStream(bytes));
        Assert.Equal(syntax, reread.TransferSyntax);
        Assert.Equal(SampleDatasets.Listing(original), SampleDatasets.Listing(reread.Dataset));
        Assert.Equal(original.GetBytes(DicomTags.PixelData).ToArray(), reread.Dataset.GetBytes(DicomTags.PixelData).ToArray());
        Assert.Equal(-1024, reread.Dataset.GetInt32(DicomTags.SmallestImagePixelValue));
        Assert.Equal("Müller^Hans", reread.Dataset.GetString(DicomTags.PatientName));
        Assert.Equal(bytes, Save(reread));
    }

    [Fact]
    public void Meta_information_is_built_and_has_a_correct_group_length()
    {
        var file = new DicomFile(SampleDatasets.SmallCt(), DicomTransferSyntax.ExplicitVRLittleEndian);
        var bytes = Save(file);
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        var reread = DicomFile.Read(new MemoryStream(bytes));
        var meta = reread.FileMetaInformation;
        Assert.Equal(DicomSopClass.CTImageStorage, meta.GetString(DicomTags.MediaStorageSOPClassUID));
        Assert.Equal(file.Dataset.GetString(DicomTags.SOPInstanceUID), meta.GetString(DicomTags.MediaStorageSOPInstanceUID));
        Assert.True(DicomUid.IsValid(meta.GetString(DicomTags.ImplementationClassUID)));
        var groupLength = meta.GetInt32(DicomTags.FileMetaInformationGroupLength);
        var datasetStart = 132 + 12 + groupLength;
        Assert.Equal(0x08, bytes[datasetStart]); // the dataset's first element, (0008,0005), follows the meta exactly
        Assert.Equal(0x05, bytes[datasetStart + 2]);
    }

    [Fact]
    public void Encapsulated_pixel_data_keeps_offset_table_and_fragments()
    {
        var dataset = SampleDatasets.SmallCt();
        var fragments = new DicomFragmentSequence([0u, 10u], [new byte[] { 1, 2 }, new byte[] { 3, 4, 5 }, new byte[] { 6, 7 }]);
        dataset.SetFragments(DicomTags.PixelData, DicomVR.OB, fragments);
        var reread = DicomFile.Read(new MemoryStream(Save(new DicomFile(dataset, DicomTransferSyntax.RLELossless))));
        var back = reread.Dataset.GetFragments(DicomTags.PixelData);
        Assert.NotNull(back);
        Assert.Equal([0u, 10u], back.OffsetTable);
        Assert.Equal(3, back.Fragments.Count);
        Assert.Equal(new byte[] { 3, 4, 5, 0 }, back.Fragments[1].ToArray()); // odd fragments are padded
        Assert.Equal(DicomTransferSyntax.RLELossless, reread.TransferSyntax);
    }

    [Fact]
    public void Files_without_preamble_or_without_meta_are_detected()
    {
        var dataset = SampleDatasets.SmallCt();
        var full = Save(new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian));

        var noPreamble = DicomFile.Read(new MemoryStream(full[132..]));
        Assert.Equal(SampleDatasets.Listing(dataset), SampleDatasets.Listing(noPreamble.Dataset));
        Assert.Throws<DicomParseException>(() => DicomFile.Read(new MemoryStream(full[132..]), new DicomReadOptions { RequirePreamble = true }));

        foreach (var syntax in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian })
        {
            var bare = DicomFile.Read(new MemoryStream(DicomDatasetWriter.Encode(dataset, syntax)));
            Assert.Equal(syntax, bare.TransferSyntax);
            Assert.Equal(SampleDatasets.Listing(dataset), SampleDatasets.Listing(bare.Dataset));
        }
    }

    [Fact]
    public void Stop_at_tag_reads_only_the_header()
    {
        var dataset = SampleDatasets.SmallCt(512, 512);
        var bytes = Save(new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian));
        var stream = new CountingStream(bytes);
        var header = DicomFile.Read(stream, new DicomReadOptions { StopAtTag = DicomTags.PixelData });
        Assert.False(header.Dataset.Contains(DicomTags.PixelData));
        Assert.Equal(512, header.Dataset.GetUInt16(DicomTags.Rows));
        Assert.True(stream.BytesRead < 64 * 1024, $"read {stream.BytesRead} bytes of {bytes.Length}");
    }

    [Fact]
    public void Bare_datasets_round_trip_for_dimse_command_sets()
    {
        var command = new DicomDataset()
            .Set(DicomTags.AffectedSOPClassUID, DicomSopClass.Verification)
            .SetUInt16(DicomTags.CommandField, 0x0030)
            .SetUInt16(DicomTags.MessageID, 7)
            .SetUInt16(DicomTags.CommandDataSetType, 0x0101);
        command.SetBytes(DicomTags.CommandGroupLength, DicomVR.UL, new byte[4]);
        var bytes = DicomDatasetWriter.Encode(command, DicomTransferSyntax.ImplicitVRLittleEndian);
        var reread = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(bytes.Length - 12, reread.GetInt32(DicomTags.CommandGroupLength)); // recomputed on write
        Assert.Equal(7, reread.GetUInt16(DicomTags.MessageID));
        Assert.Equal(DicomSopClass.Verification, reread.GetString(DicomTags.AffectedSOPClassUID));
        Assert.Equal(7, DicomDatasetReader.Read(bytes.AsSpan(), DicomTransferSyntax.ImplicitVRLittleEndian).GetUInt16(DicomTags.MessageID));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2.1.99")]
    public void A_data_set_in_the_first_bytes_of_a_longer_buffer_is_read_to_its_length_and_not_past_it(string uid)
    {
        var syntax = DicomTransferSyntax.Lookup(uid);
        var dataset = new DicomDataset().Set(DicomTags.PatientName, DicomVR.PN, "Doe^Jane").Set(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4");
        var bytes = DicomDatasetWriter.Encode(dataset, syntax);
        // A pooled buffer is longer than its content; what lies after it (here the start of another element) must not be parsed.
        var buffer = new byte[bytes.Length + 64];
        bytes.CopyTo(buffer, 0);
        byte[] stray = [0x10, 0x00, 0x20, 0x00, (byte)'L', (byte)'O', 2, 0, (byte)'X', (byte)' '];
        stray.CopyTo(buffer, bytes.Length);

        var reread = DicomDatasetReader.Read(buffer, bytes.Length, syntax);

        Assert.Equal("Doe^Jane", reread.GetString(DicomTags.PatientName));
        Assert.Equal("1.2.3.4", reread.GetString(DicomTags.SOPInstanceUID));
        Assert.False(reread.Contains(DicomTags.PatientID));
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomDatasetReader.Read(buffer, buffer.Length + 1, syntax));
    }

    [Fact]
    public void Undefined_length_sequences_and_items_are_read()
    {
        // (0008,1140) SQ undefined, one undefined-length item holding (0008,1155) UI "1.2", then the delimiters.
        byte[] bytes =
        [
            0x08, 0x00, 0x40, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF,
            0x08, 0x00, 0x55, 0x11, (byte)'U', (byte)'I', 4, 0, (byte)'1', (byte)'.', (byte)'2', 0,
            0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0,
            0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0,
            0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 2, 0, (byte)'A', (byte)' ',
        ];
        var dataset = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("1.2", dataset.GetSequence(DicomTags.ReferencedImageSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal("A", dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Implicit_vr_private_sequences_survive_as_sequences()
    {
        var item = new DicomDataset().Set(new DicomTag(0x0029, 0x1001), DicomVR.LO, "inner");
        var dataset = new DicomDataset()
            .Set(new DicomTag(0x0029, 0x0010), DicomVR.LO, "ACME")
            .SetSequence(new DicomTag(0x0029, 0x1010), [item]);
        var bytes = DicomDatasetWriter.Encode(dataset, DicomTransferSyntax.ImplicitVRLittleEndian);
        var reread = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        var items = reread.GetSequence(new DicomTag(0x0029, 0x1010));
        Assert.Equal("inner", System.Text.Encoding.ASCII.GetString(items[0].GetBytes(new DicomTag(0x0029, 0x1001)).Span).TrimEnd());
    }

    [Theory]
    [InlineData(new byte[] { 0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0x40, 0x00, (byte)'A', (byte)'B' })]
    [InlineData(new byte[] { 0x10, 0x00, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0xF0, 0xFF, 0xFF, 0x7F, 1, 2 })]
    [InlineData(new byte[] { 0x10, 0x00, 0x10, 0x00, 0x01, 0x02, 0x02, 0x00, (byte)'A', (byte)'B' })]
    [InlineData(new byte[] { 0x08, 0x00, 0x40, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0 })]
    [InlineData(new byte[] { 0x08, 0x00, 0x40, 0x11, (byte)'S', (byte)'Q', 0, 0, 0x08, 0, 0, 0, 0x10, 0x00, 0x10, 0x00, 0, 0, 0, 0 })]
    public void Lying_lengths_and_bad_headers_raise_parse_errors_that_name_offset_and_tag(byte[] bytes)
    {
        var error = Assert.Throws<DicomParseException>(() => DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Offset);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_stack_overflow()
    {
        const int depth = 10000;
        using var stream = new MemoryStream();
        for (var i = 0; i < depth; i++)
        {
            stream.Write([0x08, 0x00, 0x40, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]);
        }

        var error = Assert.Throws<DicomParseException>(() => DicomDatasetReader.Read(stream.ToArray(), DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_transfer_syntaxes_are_flagged_not_null()
    {
        var unknown = DicomTransferSyntax.Lookup("1.2.3.999");
        Assert.False(unknown.IsKnown);
        Assert.True(unknown.IsEncapsulated);
        Assert.Same(DicomTransferSyntax.JPEGLosslessSV1, DicomTransferSyntax.Lookup("1.2.840.10008.1.2.4.70\0"));
    }

    private static byte[] Save(DicomFile file)
    {
        using var stream = new MemoryStream();
        file.Save(stream);
        return stream.ToArray();
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }
    }
}

namespace Isl.Dicom;

/// <summary>Encapsulated (compressed) pixel data: the Basic Offset Table and the fragments that follow it.</summary>
public sealed class DicomFragmentSequence
{
    /// <summary>Creates a fragment sequence.</summary>
    /// <param name="offsetTable">The Basic Offset Table entries (byte offsets of each frame's first fragment item); may be empty.</param>
    /// <param name="fragments">The fragment values, in order (each of even length when written).</param>
    public DicomFragmentSequence(IEnumerable<uint> offsetTable, IEnumerable<ReadOnlyMemory<byte>> fragments)
    {
        ArgumentNullException.ThrowIfNull(offsetTable);
        ArgumentNullException.ThrowIfNull(fragments);
        OffsetTable = offsetTable.ToArray();
        Fragments = fragments.ToArray();
    }

    /// <summary>The Basic Offset Table (empty when the file has none).</summary>
    public IReadOnlyList<uint> OffsetTable { get; }

    /// <summary>The fragments after the offset table item.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Fragments { get; }
}

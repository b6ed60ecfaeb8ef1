namespace Isl.Dicom;

/// <summary>
/// One data element: its tag, VR and value. The value is raw bytes (always little-endian in memory,
/// text as encoded in the file), a list of items (SQ) or encapsulated fragments (pixel data).
/// </summary>
public sealed class DicomElement
{
    private static readonly DicomDataset[] NoItems = [];

    /// <summary>Creates an element with a raw value (little-endian byte order for binary VRs).</summary>
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> data)
    {
        Tag = tag;
        VR = vr;
        Data = data;
        Items = NoItems;
    }

    /// <summary>Creates a sequence (SQ) element.</summary>
    public DicomElement(DicomTag tag, IReadOnlyList<DicomDataset> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Tag = tag;
        VR = DicomVR.SQ;
        Items = items;
    }

    /// <summary>Creates an encapsulated pixel data element (OB, or OW as some files declare).</summary>
    public DicomElement(DicomTag tag, DicomVR vr, DicomFragmentSequence fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        Tag = tag;
        VR = vr;
        Fragments = fragments;
        Items = NoItems;
    }

    /// <summary>The tag.</summary>
    public DicomTag Tag { get; }

    /// <summary>The VR (from the stream for Explicit VR, from the dictionary for Implicit VR).</summary>
    public DicomVR VR { get; }

    /// <summary>The raw value bytes (empty for sequences and encapsulated data).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The items of a sequence (empty otherwise).</summary>
    public IReadOnlyList<DicomDataset> Items { get; }

    /// <summary>The fragments of encapsulated pixel data, or null.</summary>
    public DicomFragmentSequence? Fragments { get; }

    /// <summary>True for a sequence element.</summary>
    public bool IsSequence => VR == DicomVR.SQ;

    /// <summary>True for encapsulated pixel data.</summary>
    public bool IsEncapsulated => Fragments is not null;

    /// <summary>The length of the raw value in bytes.</summary>
    public int Length => Data.Length;

    /// <summary>"(gggg,eeee) VR".</summary>
    public override string ToString() => $"{Tag} {DicomVRInfo.Code(VR)}";

    internal DicomElement DeepClone() => IsSequence ? new DicomElement(Tag, Items.Select(i => i.Clone()).ToList()) : this;
}

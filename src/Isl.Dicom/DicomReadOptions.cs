namespace Isl.Dicom;

/// <summary>Options for reading datasets and files.</summary>
public sealed class DicomReadOptions
{
    /// <summary>Default nesting limit of sequences (deeper input is rejected as malformed).</summary>
    public const int DefaultMaxSequenceDepth = 64;

    /// <summary>Stop before the first top-level element whose tag is at or after this one (e.g. PixelData), without reading its value.</summary>
    public DicomTag? StopAtTag { get; init; }

    /// <summary>Require the 128-byte preamble and "DICM"; when false, files that start with group 0002 or directly with a dataset are accepted.</summary>
    public bool RequirePreamble { get; init; }

    /// <summary>The largest accepted element value length in bytes (also always bounded by the bytes actually present).</summary>
    public long MaxElementLength { get; init; } = int.MaxValue;

    /// <summary>The deepest accepted sequence nesting.</summary>
    public int MaxSequenceDepth { get; init; } = DefaultMaxSequenceDepth;

    internal static DicomReadOptions Default { get; } = new();
}

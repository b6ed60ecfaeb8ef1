namespace Isl.Dicom;

/// <summary>Malformed DICOM input; the message names the offset and tag.</summary>
public class DicomParseException : DicomException
{
    /// <summary>Creates an exception without message.</summary>
    public DicomParseException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public DicomParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that names where in the input the problem is.</summary>
    public DicomParseException(string message, long offset, DicomTag? tag)
        : base(tag is { } t ? $"{message} (at byte offset {offset}, tag {t})" : $"{message} (at byte offset {offset})")
    {
        Offset = offset;
        Tag = tag;
    }

    /// <summary>The byte offset in the input where the problem was found, when known.</summary>
    public long? Offset { get; }

    /// <summary>The tag being read, when known.</summary>
    public DicomTag? Tag { get; }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public DicomParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

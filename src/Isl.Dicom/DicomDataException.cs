namespace Isl.Dicom;

/// <summary>A missing or invalid element on access (or an invalid value on set).</summary>
public class DicomDataException : DicomException
{
    /// <summary>Creates an exception without message.</summary>
    public DicomDataException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public DicomDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public DicomDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Isl.Dicom;

/// <summary>A transfer syntax or feature this library does not implement; the message names the syntax UID and name.</summary>
public class DicomNotSupportedException : DicomException
{
    /// <summary>Creates an exception without message.</summary>
    public DicomNotSupportedException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public DicomNotSupportedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public DicomNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

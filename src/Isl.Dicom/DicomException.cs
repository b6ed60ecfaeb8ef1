namespace Isl.Dicom;

/// <summary>Base of every error this library raises about DICOM content.</summary>
public class DicomException : Exception
{
    /// <summary>Creates an exception without message.</summary>
    public DicomException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public DicomException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public DicomException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

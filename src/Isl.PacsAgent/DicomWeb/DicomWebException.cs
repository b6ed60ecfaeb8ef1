namespace Isl.PacsAgent.DicomWeb;

/// <summary>A DICOMweb peer answered something the agent cannot use (bad status, malformed multipart, wrong media type).</summary>
public sealed class DicomWebException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DicomWebException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DicomWebException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

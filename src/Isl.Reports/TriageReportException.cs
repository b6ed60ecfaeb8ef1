namespace Isl.Reports;

/// <summary>The triage result or its source data cannot be turned into a report (the message says why).</summary>
public sealed class TriageReportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TriageReportException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TriageReportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TriageReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

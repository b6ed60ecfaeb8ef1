namespace Isl.PacsAgent.Demo;

/// <summary>The demo could not finish (the agent refused an image, failed a study or timed out).</summary>
public sealed class DemoFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DemoFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DemoFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DemoFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Isl.PacsAgent.Delivery;

/// <summary>A destination refused or could not take a delivery; the message says what it answered.</summary>
public sealed class DeliveryFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeliveryFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

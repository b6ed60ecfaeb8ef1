using System.Diagnostics;

namespace Isl.Dicom;

/// <summary>
/// Reports Specific Character Set values this library cannot decode exactly. Decoding falls back to the
/// closest encoding (Latin-1 when nothing fits) and calls <see cref="Handler"/> (default: <see cref="Trace"/>).
/// </summary>
public static class DicomEncodingFallback
{
    /// <summary>Called with a one-line warning each time a character set term falls back; replace to route into your logger.</summary>
    public static Action<string>? Handler { get; set; } = static message => Trace.TraceWarning(message);

    internal static void Warn(string message) => Handler?.Invoke(message);
}

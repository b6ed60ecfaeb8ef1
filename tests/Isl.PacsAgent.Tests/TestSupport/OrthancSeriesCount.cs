namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>One series of a study as Orthanc stores it.</summary>
/// <param name="SeriesInstanceUid">SeriesInstanceUID.</param>
/// <param name="Modality">Modality.</param>
/// <param name="SopInstanceUids">The SOP Instance UIDs Orthanc holds in it.</param>
public sealed record OrthancSeriesCount(string SeriesInstanceUid, string Modality, IReadOnlyList<string> SopInstanceUids);

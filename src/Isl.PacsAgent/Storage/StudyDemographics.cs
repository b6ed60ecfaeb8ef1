namespace Isl.PacsAgent.Storage;

/// <summary>What a worklist shows about a study besides its result.</summary>
/// <param name="PatientId">PatientID.</param>
/// <param name="PatientName">PatientName as stored.</param>
/// <param name="AccessionNumber">AccessionNumber.</param>
/// <param name="StudyDescription">StudyDescription.</param>
/// <param name="StudyDate">StudyDate (DICOM DA text).</param>
public sealed record StudyDemographics(string PatientId, string PatientName, string AccessionNumber, string StudyDescription, string StudyDate)
{
    /// <summary>Nothing known yet.</summary>
    public static StudyDemographics Empty { get; } = new("", "", "", "", "");
}

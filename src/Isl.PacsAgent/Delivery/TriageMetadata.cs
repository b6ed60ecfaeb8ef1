using System.Globalization;
using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Delivery;

/// <summary>The text of the priority signal written into the PACS (e.g. Orthanc study metadata).</summary>
public static class TriageMetadata
{
    /// <summary><c>ABNORMAL score=0.8312 threshold=0.5000 model=1.0.0</c>.</summary>
    public static string Format(StudyTriage triage) =>
        string.Create(CultureInfo.InvariantCulture, $"{triage.Flag} score={triage.Score:0.0000} threshold={triage.Threshold:0.0000} model={triage.ModelVersion}");
}

using System.Globalization;
using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Delivery;

/// <summary>The text of the priority signal written into the PACS (e.g. Orthanc study metadata).</summary>
public static class TriageMetadata
{
    /// <summary><c>ABNORMAL score=0.8312 threshold=0.5000 model=isl-head-ct modelVersion=1.0.0</c> (as the SR's algorithm parameters name it).</summary>
    public static string Format(StudyTriage triage)
    {
        ArgumentNullException.ThrowIfNull(triage);
        var model = triage.ModelId.Length > 0 ? $"model={triage.ModelId} modelVersion={triage.ModelVersion}" : $"model={triage.ModelVersion}";
        return string.Create(CultureInfo.InvariantCulture, $"{triage.Flag} score={triage.Score:0.0000} threshold={triage.Threshold:0.0000} {model}");
    }

    /// <summary><c>NOT_ANALYSED reason=no eligible series: ...</c>.</summary>
    public static string FormatNotAnalysed(string? reason) => $"NOT_ANALYSED reason={reason ?? "unknown"}";

    /// <summary>The signal of a delivery package: the triage, or "not analysed" with the study's reason.</summary>
    public static string Format(DeliveryPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return package.Triage is { } triage ? Format(triage) : FormatNotAnalysed(package.Study.Reason);
    }
}

using System.Globalization;
using Isl.Dicom;
using Isl.Reports.Coding;
using static Isl.Reports.StructuredReport.SrContent;

namespace Isl.Reports.StructuredReport;

/// <summary>The TID 1500 content tree of a triage result (the children of the root container).</summary>
internal static class TriageContentTree
{
    public static List<DicomDataset> Build(TriageResult result, TriageUids uids, TriageReportOptions options)
    {
        var device = result.Device;
        var items = new List<DicomDataset>
        {
            Code(HasConceptMod, TriageCodes.LanguageOfContent, TriageCodes.EnglishUnitedStates),
            Code(HasObsContext, TriageCodes.ObserverType, TriageCodes.Device),
            UidRef(HasObsContext, TriageCodes.DeviceObserverUid, device.Uid),
            Text(HasObsContext, TriageCodes.DeviceObserverName, CommonModules.Ascii(device.Name, 1024)),
            Text(HasObsContext, TriageCodes.DeviceObserverManufacturer, CommonModules.Ascii(device.Manufacturer, 1024)),
            Text(HasObsContext, TriageCodes.DeviceObserverModelName, CommonModules.Ascii(device.ModelName, 1024)),
            Code(HasConceptMod, TriageCodes.ProcedureReported, TriageCodes.CtProcedure),
            ImageLibrary(result),
        };

        if (result.Flag == TriageFlag.NotAnalysed)
        {
            items.Add(Container(Contains, TriageCodes.QualitativeEvaluations,
            [
                Code(Contains, TriageCodes.TriageStatus, TriageCodes.NotAnalysed),
                Text(Contains, TriageCodes.ReasonNotAnalysed, CommonModules.Ascii(result.NotAnalysedReason!, 1024)),
            ]));
        }
        else
        {
            items.Add(Container(Contains, TriageCodes.ImagingMeasurements,
                [.. AlgorithmIdentification(result.Algorithm), MeasurementGroup(result, uids, options)]));
            if (result.Notes.Count > 0)
            {
                items.Add(Container(Contains, TriageCodes.QualitativeEvaluations,
                    [.. result.Notes.Select(note => Text(Contains, TriageCodes.ScoringNote, CommonModules.Ascii(note, 1024)))]));
            }
        }

        return items;
    }

    // The CT/head descriptors are stated only for series the model scored; images that were merely considered (a "not
    // analysed" MR or chest study) are listed without them rather than mislabelled.
    private static DicomDataset ImageLibrary(TriageResult result)
    {
        var scoredSeries = result.Slices.Select(s => s.Image.SeriesInstanceUid).ToHashSet(StringComparer.Ordinal);
        var groups = result.ReferencedImages.GroupBy(i => i.SeriesInstanceUid, StringComparer.Ordinal).Select(series => Container(Contains, TriageCodes.ImageLibraryGroup,
        [
            .. scoredSeries.Contains(series.Key)
                ? new[] { Code(HasAcqContext, TriageCodes.Modality, TriageCodes.ComputedTomography), Code(HasAcqContext, TriageCodes.TargetRegion, TriageCodes.Head) }
                : [],
            .. series.Select(image => Image(Contains, image)),
        ]));
        return Container(Contains, TriageCodes.ImageLibrary, groups);
    }

    // OHIF's TID 1500 overlay shows a group's first five NUMs as "concept meaning: value unit-code" and nothing else, so
    // the verdict rides on the scan score's concept and the units are UCUM annotations.
    private static DicomDataset MeasurementGroup(TriageResult result, TriageUids uids, TriageReportOptions options)
    {
        var top = result.HighestScoringSlice!;
        var planar = result.Region is not null;
        var abnormal = result.Flag == TriageFlag.Abnormal;
        var algorithm = planar ? AlgorithmIdentification(result.Algorithm) : [];
        var children = new List<DicomDataset>
        {
            Text(HasObsContext, TriageCodes.TrackingIdentifier, CommonModules.Ascii(abnormal ? options.TrackingIdentifier : options.NormalTrackingIdentifier, 64)),
            UidRef(HasObsContext, TriageCodes.TrackingUniqueIdentifier, uids.TrackingUid),
            Code(Contains, TriageCodes.Finding, abnormal ? TriageCodes.Abnormal : TriageCodes.Normal),
        };
        if (result.Region is { } region)
        {
            children.Add(Scoord(Contains, TriageCodes.ImageRegion, region, top.Image));
        }

        // The site modifies the scan score (TID 300 row 5), not the group: OHIF labels a group-level SCT finding site with
        // its raw code value ("363698007: Brain") and does not look into a NUM's modifiers.
        children.Add(Num(Contains, abnormal ? TriageCodes.AbnormalAnomalyScore : TriageCodes.NoAnomalyScore, result.ScanScore!.Value, TriageCodes.ScoreUnits,
            [Code(HasConceptMod, TriageCodes.FindingSite, TriageCodes.Brain), .. algorithm]));
        children.Add(Num(Contains, TriageCodes.AnomalyScoreThreshold, result.Threshold!.Value, TriageCodes.ScoreUnits, algorithm));
        children.Add(Num(Contains, TriageCodes.HighestSliceAnomalyScore, top.Score, TriageCodes.ScoreUnits, algorithm));
        if (result.NotScoredSlices.Count > 0)
        {
            children.Add(Num(Contains, TriageCodes.SlicesScored, result.Slices.Count, TriageCodes.SliceUnits, algorithm));
            children.Add(Num(Contains, TriageCodes.SlicesNotScored, result.NotScoredSlices.Count, TriageCodes.SliceUnits, algorithm));
        }

        // TID 1410 when the region is known (planar ROI), else TID 1501 (a group without a region).
        return Container(Contains, TriageCodes.MeasurementGroup, children, planar ? "1410" : "1501");
    }

    private static DicomDataset[] AlgorithmIdentification(TriageAlgorithm algorithm) =>
    [
        Text(HasConceptMod, TriageCodes.AlgorithmName, CommonModules.Ascii(algorithm.Name, 1024)),
        Text(HasConceptMod, TriageCodes.AlgorithmVersion, CommonModules.Ascii(algorithm.Version, 1024)),
        Text(HasConceptMod, TriageCodes.AlgorithmParameters, CommonModules.Ascii(
            string.Create(CultureInfo.InvariantCulture, $"model={algorithm.ModelId}; modelVersion={algorithm.ModelVersion}"), 1024)),
    ];
}

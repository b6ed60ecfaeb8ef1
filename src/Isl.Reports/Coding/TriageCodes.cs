namespace Isl.Reports.Coding;

/// <summary>
/// Every code the triage reports use. Standard codes are from DICOM PS3.16 (DCM), SNOMED CT (SCT),
/// LOINC (LN), UCUM and RFC 5646; the 99ISL codes are this project's private scheme (see the README of
/// Isl.Reports); (Newcode1, 99IHE) is IHE AI Results' purpose of reference for a processing algorithm.
/// </summary>
public static class TriageCodes
{
    /// <summary>The private coding scheme designator of this project.</summary>
    public const string PrivateScheme = "99ISL";

    /// <summary>TID 1500 document title.</summary>
    public static readonly CodedConcept ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");

    /// <summary>TID 1204 language concept.</summary>
    public static readonly CodedConcept LanguageOfContent = new("121049", "DCM", "Language of Content Item and Descendants");

    /// <summary>The report's language.</summary>
    public static readonly CodedConcept EnglishUnitedStates = new("en-US", "RFC5646", "English (United States)");

    /// <summary>TID 1002 observer type concept.</summary>
    public static readonly CodedConcept ObserverType = new("121005", "DCM", "Observer Type");

    /// <summary>Observer type value: a device.</summary>
    public static readonly CodedConcept Device = new("121007", "DCM", "Device");

    /// <summary>TID 1004 Device Observer UID.</summary>
    public static readonly CodedConcept DeviceObserverUid = new("121012", "DCM", "Device Observer UID");

    /// <summary>TID 1004 Device Observer Name.</summary>
    public static readonly CodedConcept DeviceObserverName = new("121013", "DCM", "Device Observer Name");

    /// <summary>TID 1004 Device Observer Manufacturer.</summary>
    public static readonly CodedConcept DeviceObserverManufacturer = new("121014", "DCM", "Device Observer Manufacturer");

    /// <summary>TID 1004 Device Observer Model Name.</summary>
    public static readonly CodedConcept DeviceObserverModelName = new("121015", "DCM", "Device Observer Model Name");

    /// <summary>TID 1500 Procedure Reported concept.</summary>
    public static readonly CodedConcept ProcedureReported = new("121058", "DCM", "Procedure reported");

    /// <summary>
    /// The procedure, from CID 100 (LOINC "CT unspecified body region"): CID 100 lists no head CT code, and
    /// validators reject codes outside it; the head is stated by the image library's Target Region.
    /// </summary>
    public static readonly CodedConcept CtProcedure = new("25045-6", "LN", "CT unspecified body region");

    /// <summary>TID 1600 Image Library.</summary>
    public static readonly CodedConcept ImageLibrary = new("111028", "DCM", "Image Library");

    /// <summary>TID 1600 Image Library Group.</summary>
    public static readonly CodedConcept ImageLibraryGroup = new("126200", "DCM", "Image Library Group");

    /// <summary>TID 1602 Modality descriptor.</summary>
    public static readonly CodedConcept Modality = new("121139", "DCM", "Modality");

    /// <summary>Modality value: CT.</summary>
    public static readonly CodedConcept ComputedTomography = new("CT", "DCM", "Computed Tomography");

    /// <summary>TID 1602 Target Region descriptor.</summary>
    public static readonly CodedConcept TargetRegion = new("123014", "DCM", "Target Region");

    /// <summary>Target region value: the head.</summary>
    public static readonly CodedConcept Head = new("69536005", "SCT", "Head");

    /// <summary>TID 1500 Imaging Measurements container.</summary>
    public static readonly CodedConcept ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");

    /// <summary>TID 1410/1501 Measurement Group container.</summary>
    public static readonly CodedConcept MeasurementGroup = new("125007", "DCM", "Measurement Group");

    /// <summary>Tracking Identifier (human-readable).</summary>
    public static readonly CodedConcept TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");

    /// <summary>Tracking Unique Identifier.</summary>
    public static readonly CodedConcept TrackingUniqueIdentifier = new("112040", "DCM", "Tracking Unique Identifier");

    /// <summary>Finding concept.</summary>
    public static readonly CodedConcept Finding = new("121071", "DCM", "Finding");

    /// <summary>Finding value for a flagged study.</summary>
    public static readonly CodedConcept Abnormal = new("263654008", "SCT", "Abnormal");

    /// <summary>Finding value for a study below the threshold.</summary>
    public static readonly CodedConcept Normal = new("17621005", "SCT", "Normal");

    /// <summary>Finding Site concept.</summary>
    public static readonly CodedConcept FindingSite = new("363698007", "SCT", "Finding Site");

    /// <summary>Finding site value: the brain.</summary>
    public static readonly CodedConcept Brain = new("12738006", "SCT", "Brain");

    /// <summary>TID 1410 Image Region (the SCOORD).</summary>
    public static readonly CodedConcept ImageRegion = new("111030", "DCM", "Image Region");

    /// <summary>TID 4019 Algorithm Name.</summary>
    public static readonly CodedConcept AlgorithmName = new("111001", "DCM", "Algorithm Name");

    /// <summary>TID 4019 Algorithm Version.</summary>
    public static readonly CodedConcept AlgorithmVersion = new("111003", "DCM", "Algorithm Version");

    /// <summary>TID 4019 Algorithm Parameters (here: the model id and version).</summary>
    public static readonly CodedConcept AlgorithmParameters = new("111002", "DCM", "Algorithm Parameters");

    /// <summary>TID 1500 Qualitative Evaluations container.</summary>
    public static readonly CodedConcept QualitativeEvaluations = new("C0034375", "UMLS", "Qualitative Evaluations");

    /// <summary>
    /// Unit of the scores: the UCUM annotation <c>{score}</c> (dimensionless). OHIF prints a NUM as value plus the unit's code
    /// value, so UCUM <c>1</c> showed as a stray "1"; "1.32 {score}" reads as what it is.
    /// </summary>
    public static readonly CodedConcept ScoreUnits = new("{score}", "UCUM", "score");

    /// <summary>Unit of the slice counts: the UCUM annotation <c>{slices}</c> (dimensionless).</summary>
    public static readonly CodedConcept SliceUnits = new("{slices}", "UCUM", "slices");

    /// <summary>IHE AIR purpose of reference of the contributing equipment.</summary>
    public static readonly CodedConcept ProcessingAlgorithm = new("Newcode1", "99IHE", "Processing Algorithm");

    /// <summary>Purpose of reference of a heatmap's source CT slice.</summary>
    public static readonly CodedConcept SourceImageForProcessing = new("121322", "DCM", "Source image for image processing operation");

    /// <summary>99ISL: the scan-level anomaly score (pooled slice scores), without a verdict (the SR uses the verdict's own concept).</summary>
    public static readonly CodedConcept AnomalyScore = new("ISL001", PrivateScheme, "Anomaly score");

    /// <summary>
    /// 99ISL: the scan-level anomaly score of a study at or above the threshold. Viewers that show only a measurement
    /// group's numbers (OHIF's TID 1500 overlay) then show the finding with the score. OHIF draws that overlay beside the
    /// region and does not move it back into the viewport, so these meanings are short: the longest overlay line,
    /// "AI triage ABNORMAL: 0.49 {score}", stays on screen beside a region in the right half of a slice.
    /// </summary>
    public static readonly CodedConcept AbnormalAnomalyScore = new("ISL006", PrivateScheme, "AI triage ABNORMAL");

    /// <summary>99ISL: the scan-level anomaly score of a study below the threshold (see <see cref="AbnormalAnomalyScore"/>).</summary>
    public static readonly CodedConcept NoAnomalyScore = new("ISL007", PrivateScheme, "AI triage no anomaly detected");


    /// <summary>99ISL: the decision threshold the anomaly score is compared with.</summary>
    public static readonly CodedConcept AnomalyScoreThreshold = new("ISL002", PrivateScheme, "Score threshold");

    /// <summary>99ISL: the anomaly score of the highest-scoring slice.</summary>
    public static readonly CodedConcept HighestSliceAnomalyScore = new("ISL003", PrivateScheme, "Highest slice score");

    /// <summary>99ISL: how many slices (or slabs) of the scored series the model scored.</summary>
    public static readonly CodedConcept SlicesScored = new("ISL004", PrivateScheme, "Slices scored");

    /// <summary>99ISL: how many slices (or slabs) of the scored series the model did not score (too little intracranial area).</summary>
    public static readonly CodedConcept SlicesNotScored = new("ISL005", PrivateScheme, "Slices not scored");

    /// <summary>99ISL: a remark on how the study was scored (TEXT).</summary>
    public static readonly CodedConcept ScoringNote = new("ISL013", PrivateScheme, "Scoring note");

    /// <summary>99ISL: the triage status concept (qualitative evaluation).</summary>
    public static readonly CodedConcept TriageStatus = new("ISL010", PrivateScheme, "AI triage status");

    /// <summary>99ISL: triage status value for a study the agent could not score.</summary>
    public static readonly CodedConcept NotAnalysed = new("ISL011", PrivateScheme, "Not analysed");

    /// <summary>99ISL: the reason a study was not analysed (TEXT).</summary>
    public static readonly CodedConcept ReasonNotAnalysed = new("ISL012", PrivateScheme, "Reason not analysed");
}

using Isl.Dicom;
using Isl.Reports.Coding;
using Isl.Reports.StructuredReport;

namespace Isl.Reports;

/// <summary>
/// Builds the triage result as a Comprehensive 3D SR following TID 1500 (Imaging Measurement Report),
/// as IHE AI Results describes it: device observer, image library of the scored slices, one measurement
/// group with the finding, the region on the highest-scoring slice and the scores; or, for a study
/// that was not analysed, a qualitative evaluation that says so and why.
/// </summary>
public sealed class TriageSrBuilder
{
    private readonly TriageReportOptions _options;

    /// <summary>Creates a builder with <paramref name="options"/> (defaults when null).</summary>
    public TriageSrBuilder(TriageReportOptions? options = null) => _options = options ?? new TriageReportOptions();

    /// <summary>
    /// Builds the SR of <paramref name="result"/>. Patient and study attributes are copied verbatim from
    /// <paramref name="studySource"/> (any instance of the study, e.g. a scored slice's header).
    /// </summary>
    /// <param name="result">The triage result.</param>
    /// <param name="studySource">A dataset of the triaged study.</param>
    /// <param name="predecessor">An earlier triage SR of the study that this one supersedes, if any.</param>
    /// <exception cref="TriageReportException">The result is inconsistent or the source belongs to another study.</exception>
    public DicomDataset Build(TriageResult result, DicomDataset studySource, PredecessorReport? predecessor = null)
    {
        TriageResultValidator.Validate(result);
        ArgumentNullException.ThrowIfNull(studySource);
        var uids = new TriageUids(result);
        var sr = new DicomDataset();
        CommonModules.CopyPatientAndStudy(studySource, sr, result.StudyInstanceUid);

        sr.Set(DicomTags.SOPClassUID, DicomSopClass.Comprehensive3DSRStorage);
        sr.Set(DicomTags.SOPInstanceUID, uids.SrSopInstanceUid);
        sr.SetSequence(DicomTags.CodingSchemeIdentificationSequence, [PrivateSchemeIdentification()]);
        CommonModules.SetContentDateTime(sr, result.CompletedAt);
        CommonModules.SetEquipment(sr, result);

        sr.Set(DicomTags.Modality, "SR");
        sr.Set(DicomTags.SeriesInstanceUID, uids.SrSeriesInstanceUid);
        sr.SetInt32(DicomTags.SeriesNumber, _options.SrSeriesNumber);
        sr.Set(DicomTags.SeriesDescription, TriageReportOptions.SeriesDescription(_options.SrSeriesPrefix, result));
        sr.SetSequence(DicomTags.ReferencedPerformedProcedureStepSequence, []);

        sr.SetInt32(DicomTags.InstanceNumber, 1);
        sr.Set(DicomTags.CompletionFlag, "COMPLETE");
        sr.Set(DicomTags.VerificationFlag, "UNVERIFIED");
        sr.SetSequence(DicomTags.PerformedProcedureCodeSequence, []);
        sr.SetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence, EvidenceSequence.Of(result.ReferencedImages));
        if (predecessor is not null)
        {
            sr.SetSequence(DicomTags.PredecessorDocumentsSequence, EvidenceSequence.Of(result.StudyInstanceUid, predecessor));
        }

        sr.Set(DicomTags.ValueType, "CONTAINER");
        sr.SetSequence(DicomTags.ConceptNameCodeSequence, [TriageCodes.ImagingMeasurementReport.ToItem()]);
        sr.Set(DicomTags.ContinuityOfContent, "SEPARATE");
        sr.SetSequence(DicomTags.ContentTemplateSequence, [SrContent.Template("1500")]);
        sr.SetSequence(DicomTags.ContentSequence, TriageContentTree.Build(result, uids, _options));
        return sr;
    }

    private static DicomDataset PrivateSchemeIdentification()
    {
        var item = new DicomDataset();
        item.Set(DicomTags.CodingSchemeDesignator, TriageCodes.PrivateScheme);
        item.Set(DicomTags.CodingSchemeName, "Isl.PacsAgent AI triage codes");
        item.Set(DicomTags.CodingSchemeResponsibleOrganization, "Isl.PacsAgent project");
        return item;
    }
}

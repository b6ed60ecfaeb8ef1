using Isl.Dicom;
using static Isl.Reports.Tests.SrTree;

namespace Isl.Reports.Tests;

public class TriageSrBuilderTests
{
    private readonly TriageSrBuilder _builder = new();

    [Fact]
    public void RootIsAnImagingMeasurementReportMarkedCompleteAndUnverified()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());

        Assert.Equal(DicomSopClass.Comprehensive3DSRStorage, sr.GetString(DicomTags.SOPClassUID));
        Assert.Equal("SR", sr.GetString(DicomTags.Modality));
        Assert.Equal("126000", ConceptValue(sr));
        Assert.Equal("1500", sr.GetSequence(DicomTags.ContentTemplateSequence)[0].GetString(DicomTags.TemplateIdentifier));
        Assert.Equal("COMPLETE", sr.GetString(DicomTags.CompletionFlag));
        Assert.Equal("UNVERIFIED", sr.GetString(DicomTags.VerificationFlag));
        Assert.Equal("20261126", sr.GetString(DicomTags.ContentDate));
        Assert.StartsWith("193015", sr.GetString(DicomTags.ContentTime), StringComparison.Ordinal);
    }

    [Fact]
    public void PatientAndStudyAttributesAreCopiedFromTheSource()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());

        Assert.Equal("Phantom^Head", sr.GetString(DicomTags.PatientName));
        Assert.Equal("PHANTOM-001", sr.GetString(DicomTags.PatientID));
        Assert.Equal("ACC-42", sr.GetString(DicomTags.AccessionNumber));
        Assert.Equal(TriageFixtures.StudyUid, sr.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("ISO_IR 100", sr.GetString(DicomTags.SpecificCharacterSet));
        Assert.NotEqual(TriageFixtures.SeriesUid, sr.GetString(DicomTags.SeriesInstanceUID));
    }

    [Fact]
    public void ObserverIsTheDevice()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());

        Assert.Equal("121007", CodeOf(Child(sr, "121005")));
        Assert.Equal(TriageFixtures.Device.Uid, Child(sr, "121012").GetString(DicomTags.UID));
        Assert.Equal("ISL-AGENT", Child(sr, "121013").GetString(DicomTags.TextValue));
        Assert.Equal("en-US", CodeOf(Child(sr, "121049")));
        Assert.Equal("25045-6", CodeOf(Child(sr, "121058")));
    }

    [Fact]
    public void ImageLibraryReferencesEveryScoredSlice()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());

        var group = Child(Child(sr, "111028"), "126200");
        var referenced = Children(group).Where(c => c.GetString(DicomTags.ValueType) == "IMAGE")
            .Select(c => c.GetSequence(DicomTags.ReferencedSOPSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal(TriageFixtures.ScoredSlices().Select(s => s.Image.SopInstanceUid), referenced);
    }

    [Fact]
    public void MeasurementGroupCarriesFindingRegionAndScores()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());

        var group = Child(Child(sr, "126010"), "125007");
        Assert.Equal("1410", group.GetSequence(DicomTags.ContentTemplateSequence)[0].GetString(DicomTags.TemplateIdentifier));
        Assert.Equal("263654008", CodeOf(Child(group, "121071")));
        Assert.DoesNotContain(Children(group), c => c.GetSequence(DicomTags.ConceptNameCodeSequence)[0].GetString(DicomTags.CodeValue) == "363698007");
        Assert.Equal("12738006", CodeOf(Child(Child(group, "ISL006"), "363698007")));
        Assert.Equal(new TriageUids(TriageFixtures.Abnormal()).TrackingUid, Child(group, "112040").GetString(DicomTags.UID));
        Assert.Equal(0.734, NumOf(Child(group, "ISL006")), 6);
        Assert.Equal(0.512, NumOf(Child(group, "ISL002")), 6);
        Assert.Equal(0.91, NumOf(Child(group, "ISL003")), 6);
        Assert.Equal("ISL head CT triage", Child(Child(group, "ISL006"), "111001").GetString(DicomTags.TextValue));

        var region = Child(group, "111030");
        Assert.Equal("POLYLINE", region.GetString(DicomTags.GraphicType));
        Assert.Equal([34, 34, 47, 34, 47, 47, 34, 47, 34, 34], region.GetDoubles(DicomTags.GraphicData));
        var selectedFrom = Children(region).Single();
        Assert.Equal("SELECTED FROM", selectedFrom.GetString(DicomTags.RelationshipType));
        Assert.Equal(TriageFixtures.Slice(2).SopInstanceUid, selectedFrom.GetSequence(DicomTags.ReferencedSOPSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID));
    }

    [Fact]
    public void OhifsOverlayLinesStateTheVerdictAndScoresWithoutAStrayUnit()
    {
        // OHIF 3.13 draws a TID 1410 group as "CodeMeaning: NumericValue.toFixed(2) UnitCodeValue" for its first five NUMs.
        foreach (var (result, verdict) in new[] { (TriageFixtures.Abnormal(), "AI triage ABNORMAL: 0.73 {score}"), (TriageFixtures.NormalWithoutRegion(), "AI triage no anomaly detected: 0.21 {score}") })
        {
            var group = Child(Child(_builder.Build(result, TriageFixtures.StudySource()), "126010"), "125007");
            var lines = Children(group).Where(c => c.GetString(DicomTags.ValueType) == "NUM").Take(5).Select(OverlayLine).ToList();

            Assert.Equal(verdict, lines[0]);
            Assert.Equal("Score threshold: 0.51 {score}", lines[1]);
            Assert.All(lines, line => Assert.DoesNotMatch(@" 1$", line));
        }
    }

    [Fact]
    public void SeriesDescriptionCarriesTheVerdictScoreAndModel()
    {
        Assert.Equal("AI triage: ABNORMAL 0.73 (ISL head-ct-demo)", _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource()).GetString(DicomTags.SeriesDescription));
        Assert.Equal("AI triage: normal 0.21 (ISL head-ct-demo)", _builder.Build(TriageFixtures.NormalWithoutRegion(), TriageFixtures.StudySource()).GetString(DicomTags.SeriesDescription));
        Assert.Equal("AI triage: NOT ANALYSED (ISL head-ct-demo)", _builder.Build(TriageFixtures.NotAnalysed(), TriageFixtures.StudySource()).GetString(DicomTags.SeriesDescription));
        var prefixed = TriageFixtures.Abnormal() with { Algorithm = TriageFixtures.Algorithm() with { ModelId = "isl-head-ct-ich" } };
        Assert.Equal("AI triage: ABNORMAL 0.73 (ISL head-ct-ich)", _builder.Build(prefixed, TriageFixtures.StudySource()).GetString(DicomTags.SeriesDescription));
    }

    private static string OverlayLine(DicomDataset num)
    {
        var measured = num.GetSequence(DicomTags.MeasuredValueSequence)[0];
        var value = double.Parse(measured.GetString(DicomTags.NumericValue), System.Globalization.CultureInfo.InvariantCulture);
        var unit = measured.GetSequence(DicomTags.MeasurementUnitsCodeSequence)[0].GetString(DicomTags.CodeValue);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{num.GetSequence(DicomTags.ConceptNameCodeSequence)[0].GetString(DicomTags.CodeMeaning)}: {value:0.00} {unit}");
    }

    [Fact]
    public void NormalWithoutRegionUsesAGroupWithoutScoord()
    {
        var sr = _builder.Build(TriageFixtures.NormalWithoutRegion(), TriageFixtures.StudySource());

        var group = Child(Child(sr, "126010"), "125007");
        Assert.Equal("1501", group.GetSequence(DicomTags.ContentTemplateSequence)[0].GetString(DicomTags.TemplateIdentifier));
        Assert.Equal("17621005", CodeOf(Child(group, "121071")));
        Assert.DoesNotContain(Descendants(sr), i => i.GetString(DicomTags.ValueType) == "SCOORD");
    }

    [Fact]
    public void NotAnalysedStudySaysSoWithTheReason()
    {
        var sr = _builder.Build(TriageFixtures.NotAnalysed(), TriageFixtures.StudySource());

        Assert.DoesNotContain(Children(sr), c => ConceptValue(c) == "126010");
        var evaluations = Child(sr, "C0034375");
        Assert.Equal("ISL011", CodeOf(Child(evaluations, "ISL010")));
        Assert.Contains("localizer", Child(evaluations, "ISL012").GetString(DicomTags.TextValue), StringComparison.Ordinal);
        Assert.Equal(TriageFixtures.Slice(0).SopInstanceUid, ReferencedInstances(sr).Distinct().Single());
    }

    [Fact]
    public void EvidenceAndContentReferenceExactlyTheInputInstances()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());

        var inputs = TriageFixtures.ScoredSlices().Select(s => s.Image.SopInstanceUid).Order(StringComparer.Ordinal);
        Assert.Equal(inputs, ReferencedInstances(sr).Distinct().Order(StringComparer.Ordinal));
        var evidence = sr.GetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence).Single();
        Assert.Equal(TriageFixtures.StudyUid, evidence.GetString(DicomTags.StudyInstanceUID));
        var series = evidence.GetSequence(DicomTags.ReferencedSeriesSequence).Single();
        Assert.Equal(TriageFixtures.SeriesUid, series.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal(TriageFixtures.SliceCount, series.GetSequence(DicomTags.ReferencedSOPSequence).Count);
    }

    [Fact]
    public void ContributingEquipmentIsTheProcessingAlgorithmPerIheAir()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());

        var equipment = sr.GetSequence(DicomTags.ContributingEquipmentSequence).Single();
        var purpose = equipment.GetSequence(DicomTags.PurposeOfReferenceCodeSequence).Single();
        Assert.Equal(("Newcode1", "99IHE"), (purpose.GetString(DicomTags.CodeValue), purpose.GetString(DicomTags.CodingSchemeDesignator)));
        Assert.Equal("Isl.PacsAgent project", equipment.GetString(DicomTags.Manufacturer));
    }

    [Fact]
    public void PredecessorIsReferencedWhenSuperseding()
    {
        var sr = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource(), new PredecessorReport("1.2.3.4", "1.2.3.4.5"));

        var series = sr.GetSequence(DicomTags.PredecessorDocumentsSequence).Single().GetSequence(DicomTags.ReferencedSeriesSequence).Single();
        Assert.Equal("1.2.3.4.5", series.GetSequence(DicomTags.ReferencedSOPSequence).Single().GetString(DicomTags.ReferencedSOPInstanceUID));
    }

    [Fact]
    public void SameInputsGiveTheSameUidsAndANewModelVersionGivesNewOnes()
    {
        var first = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());
        var retry = _builder.Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource());
        var newModel = _builder.Build(TriageFixtures.Abnormal("2026.12.0"), TriageFixtures.StudySource());

        foreach (var tag in new[] { DicomTags.SOPInstanceUID, DicomTags.SeriesInstanceUID })
        {
            Assert.Equal(first.GetString(tag), retry.GetString(tag));
            Assert.NotEqual(first.GetString(tag), newModel.GetString(tag));
            Assert.True(DicomUid.IsValid(first.GetString(tag)));
        }
    }

    [Fact]
    public void InconsistentResultsAreRejectedWithAClearMessage()
    {
        var source = TriageFixtures.StudySource();

        var noReason = Assert.Throws<TriageReportException>(() => _builder.Build(TriageFixtures.NotAnalysed() with { NotAnalysedReason = " " }, source));
        Assert.Contains("NotAnalysedReason", noReason.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<TriageReportException>(() => _builder.Build(TriageFixtures.Abnormal() with { ScanScore = double.NaN }, source));
        Assert.Contains("ScanScore", nan.Message, StringComparison.Ordinal);
        var otherStudy = Assert.Throws<TriageReportException>(() => _builder.Build(TriageFixtures.Abnormal() with { StudyInstanceUid = "1.2.3" }, source));
        Assert.Contains("1.2.3", otherStudy.Message, StringComparison.Ordinal);
        Assert.Throws<TriageReportException>(() => _builder.Build(TriageFixtures.Abnormal() with { Slices = [] }, source));
        var twice = TriageFixtures.ScoredSlices()[0];
        Assert.Throws<TriageReportException>(() => _builder.Build(TriageFixtures.Abnormal() with { Slices = [twice, twice] }, source));
        Assert.Throws<TriageReportException>(() => _builder.Build(TriageFixtures.Abnormal() with { Region = ImageRegion.BoundingBox(0, 0, 200, 10) }, source));
    }
}

using Isl.Dicom;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Selection;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Selection;

public sealed class SeriesSelectorTests
{
    private readonly CtStudyBuilder study = new();
    private readonly SeriesSelector selector = new(new SeriesSelectionOptions());

    private SeriesSelection Select(params List<DicomDataset>[] series) =>
        selector.Select(study.StudyInstanceUid, series.SelectMany(s => s).Select(d => DicomInstanceHeaderReader.FromDataset(d, "")));

    private static string Uid(List<DicomDataset> series) => series[0].GetString(DicomTags.SeriesInstanceUID);

    [Fact]
    public void AxialHeadCtIsSelectedAndOrderedAlongTheNormalNotByInstanceNumber()
    {
        var head = study.Series();
        var result = Select(head);

        Assert.NotNull(result.Selected);
        Assert.Equal(Uid(head), result.Selected.SeriesInstanceUid);
        Assert.Equal(20, result.Selected.Slices.Count);
        Assert.Equal(head[0].GetString(DicomTags.SOPInstanceUID), result.Selected.Slices[0].SopInstanceUid);
        Assert.Equal(head[^1].GetString(DicomTags.SOPInstanceUID), result.Selected.Slices[^1].SopInstanceUid);
        var decision = Assert.Single(result.Decisions);
        Assert.True(decision.Selected);
        Assert.Contains("20 slices", decision.Reason, StringComparison.Ordinal);
        Assert.Null(result.NotAnalysedReason);
    }

    [Fact]
    public void LocalizerMrSagittalAndShortSeriesAreSkippedWithTheirReasons()
    {
        var head = study.Series();
        var localizer = study.Series(slices: 3, imageType: ["ORIGINAL", "PRIMARY", "LOCALIZER"], description: "Topogram");
        var mr = study.Series(modality: "MR", sopClass: "1.2.840.10008.5.1.4.1.1.4");
        var sagittal = study.Series(orientation: CtStudyBuilder.Sagittal, description: "HEAD SAG");
        var shortSeries = study.Series(slices: 5);

        var result = Select(head, localizer, mr, sagittal, shortSeries);

        Assert.Equal(Uid(head), result.Selected?.SeriesInstanceUid);
        string Reason(List<DicomDataset> s) => result.Decisions.Single(d => d.SeriesInstanceUid == Uid(s)).Reason;
        Assert.Contains("localizer", Reason(localizer), StringComparison.Ordinal);
        Assert.Contains("modality is MR", Reason(mr), StringComparison.Ordinal);
        Assert.Contains("not axial", Reason(sagittal), StringComparison.Ordinal);
        Assert.Contains("sagittal", Reason(sagittal), StringComparison.Ordinal);
        Assert.Contains("only 5 slice(s)", Reason(shortSeries), StringComparison.Ordinal);
        Assert.Equal(5, result.Decisions.Count);
    }

    [Fact]
    public void StudyWithoutEligibleSeriesIsNotAnalysedWithEveryReason()
    {
        var chest = study.Series(bodyPart: "CHEST", description: "THORAX");
        var angio = study.Series(description: "CTA HEAD", imageType: ["DERIVED", "PRIMARY", "AXIAL"]);
        var coronal = study.Series(orientation: CtStudyBuilder.Coronal);
        var thick = study.Series(thickness: 12);

        var result = Select(chest, angio, coronal, thick);

        Assert.Null(result.Selected);
        Assert.All(result.Decisions, d => Assert.False(d.Selected));
        var reason = result.NotAnalysedReason!;
        Assert.StartsWith("no eligible series", reason, StringComparison.Ordinal);
        Assert.Contains("body part CHEST is not head", reason, StringComparison.Ordinal);
        Assert.Contains("keyword CTA", reason, StringComparison.Ordinal);
        Assert.Contains("coronal", reason, StringComparison.Ordinal);
        Assert.Contains("slice thickness 12 mm is outside", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadIsRecognisedFromDescriptionKeywordsWhenBodyPartIsMissing()
    {
        var unnamed = study.Series(bodyPart: "", description: "Routine");
        var brain = study.Series(bodyPart: "", description: "Brain 5mm");

        var result = Select(unnamed, brain);

        Assert.Equal(Uid(brain), result.Selected?.SeriesInstanceUid);
        Assert.Contains("not identified as head", result.Decisions.Single(d => d.SeriesInstanceUid == Uid(unnamed)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BestSeriesPrefersSoftTissueNearFiveMillimetres()
    {
        var thinBone = study.Series(slices: 60, thickness: 1, description: "HEAD BONE 1mm");
        var standard = study.Series(slices: 24, thickness: 5, description: "HEAD 5mm");
        var thin = study.Series(slices: 60, thickness: 1.25, description: "HEAD 1.25mm");

        var result = Select(thinBone, standard, thin);

        Assert.Equal(Uid(standard), result.Selected?.SeriesInstanceUid);
        Assert.Contains("best of 3 eligible", result.Decisions.Single(d => d.Selected).Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Decisions.Count(d => !d.Selected && d.Reason.StartsWith("eligible, but", StringComparison.Ordinal)));
    }

    [Fact]
    public void OwnOutputsAreNeverSelected()
    {
        var sc = study.Series(sopClass: DicomSopClass.SecondaryCaptureImageStorage);
        foreach (var d in sc)
        {
            d.Set(DicomTags.Manufacturer, AgentIdentity.Manufacturer);
        }

        var result = Select(sc);

        Assert.Null(result.Selected);
        Assert.Contains("output of this agent", Assert.Single(result.Decisions).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRealTiltedGeHeadSeriesIsSelected()
    {
        var headers = SharedData.GeHeadCtFiles().Select(DicomInstanceHeaderReader.Read).ToList();

        var result = selector.Select("ge", headers);

        Assert.NotNull(result.Selected);
        Assert.Equal(28, result.Selected.Slices.Count);
        var positions = result.Selected.Slices.Select(s => s.ImagePositionPatient![2]).ToList();
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public void TheRealThinContrastSeriesIsOutsideTheIntendedUseByItsDescription()
    {
        var headers = RealSeries.Headers(RealSeries.ThinContrastFiles());

        var result = selector.Select("cq500", headers);

        Assert.Null(result.Selected);
        var reason = Assert.Single(result.Decisions).Reason;
        Assert.StartsWith("is contrast-enhanced (series description '4cc sec 150cc D3D on'", reason, StringComparison.Ordinal);
        Assert.Contains("AllowContrast", reason, StringComparison.Ordinal);
        Assert.Contains("contrast-enhanced", result.NotAnalysedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRealThinContrastSeriesIsSelectedWhenContrastIsAllowed()
    {
        var headers = RealSeries.Headers(RealSeries.ThinContrastFiles());

        var result = new SeriesSelector(new SeriesSelectionOptions { AllowContrast = true }).Select("cq500", headers);

        Assert.NotNull(result.Selected);
        Assert.Equal(238, result.Selected.Slices.Count);
        Assert.Equal(0.625, result.Selected.SliceThicknessMm, 3);
    }

    [Fact]
    public void AContrastBolusAgentMarksASeriesContrastEnhancedWhateverItsDescription()
    {
        var enhanced = study.Series(description: "HEAD 5mm");
        foreach (var d in enhanced)
        {
            d.Set(DicomTags.ContrastBolusAgent, "IOHEXOL");
        }

        var plain = study.Series(description: "HEAD 5mm");

        var result = Select(enhanced, plain);

        Assert.Equal(Uid(plain), result.Selected?.SeriesInstanceUid);
        Assert.Contains("Contrast/Bolus Agent 'IOHEXOL'", result.Decisions.Single(d => d.SeriesInstanceUid == Uid(enhanced)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AContrastBolusAgentOfNoneIsNoContrast()
    {
        var series = study.Series(description: "HEAD 5mm");
        foreach (var d in series)
        {
            d.Set(DicomTags.ContrastBolusAgent, "NONE");
        }

        Assert.Equal(Uid(series), Select(series).Selected?.SeriesInstanceUid);
    }

    [Theory]
    [InlineData("HEAD C+", true)]
    [InlineData("Brain CONTRAST 5mm", true)]
    [InlineData("4cc sec 150cc", true)]
    [InlineData("HEAD 5mm", false)]
    [InlineData("CT HEAD WO CONTRAST", false)]
    [InlineData("NON-CONTRAST HEAD", false)]
    public void TheContrastDescriptionPatternIsCaseInsensitiveAndConfigurable(string description, bool enhanced)
    {
        var series = study.Series(description: description);

        Assert.Equal(enhanced, Select(series).Selected is null);
        var custom = new SeriesSelector(new SeriesSelectionOptions { ContrastDescriptionPattern = "5mm" });
        Assert.Equal(description.Contains("5mm", StringComparison.Ordinal), custom.Select(study.StudyInstanceUid, series.Select(d => DicomInstanceHeaderReader.FromDataset(d, ""))).Selected is null);
    }
}

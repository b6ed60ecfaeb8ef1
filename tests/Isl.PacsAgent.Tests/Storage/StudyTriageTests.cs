using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Tests.Storage;

public sealed class StudyTriageTests
{
    private static SeriesScore Score(double score, double threshold) =>
        new(score, threshold, "fake", "2.0", [new SliceScore("1.1", score, null, 0, 0), new SliceScore("1.2", 0, null, 0, 0) { Scored = false }])
        {
            ModelId = "isl-test",
        };

    [Fact]
    public void TheRecordIsAProjectionOfTheScorersResultWithTheSameNotes()
    {
        var score = Score(0.7, 0.5);
        var at = DateTimeOffset.UnixEpoch.AddDays(1);
        var triage = StudyTriage.Of("1.2.3", score, "hash", at, 2.5, ["first note", "second note"]);

        Assert.Equal(new StudyTriage("1.2.3", 0.7, 0.5, "2.0", "hash", at, 2.5), triage with { ModelId = "", SlicesScored = 0, SlicesNotScored = 0, Notes = null });
        Assert.Equal("isl-test", triage.ModelId);
        Assert.Equal(1, triage.SlicesScored);
        Assert.Equal(1, triage.SlicesNotScored);
        Assert.Equal("first note\nsecond note", triage.Notes);
        Assert.Null(StudyTriage.Of("1.2.3", score, "hash", at, 2.5, []).Notes);
    }

    [Theory]
    [InlineData(0.49, 0.5)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.51, 0.5)]
    [InlineData(0.2, 0.148)]
    public void TheRecordsVerdictIsTheScorersVerdict(double score, double threshold)
    {
        var scored = Score(score, threshold);
        var triage = StudyTriage.Of("1.2.3", scored, "hash", DateTimeOffset.UnixEpoch, 1, []);

        Assert.Equal(score >= threshold, scored.Abnormal);
        Assert.Equal(scored.Abnormal, triage.Abnormal);
        Assert.Equal(scored.Abnormal ? "ABNORMAL" : "NORMAL", triage.Flag);
    }
}

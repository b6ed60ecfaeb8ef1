using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Worklist;

namespace Isl.PacsAgent.Tests.Worklist;

public sealed class WorklistOrderingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static StudyRecord Study(string uid, StudyState state, double? score = null, int minutes = 0) => new()
    {
        StudyInstanceUid = uid,
        State = state,
        LastInstanceUtc = T0.AddMinutes(minutes),
        Triage = score is { } s ? new StudyTriage("1", s, 0.5, "1.0", "h", T0, 1) : null,
        Reason = state == StudyState.NotAnalysed ? "no eligible series" : null,
    };

    [Fact]
    public void MostSuspiciousComeFirst()
    {
        var list = WorklistOrdering.Order(
        [
            Study("normal-low", StudyState.Done, 0.1),
            Study("not-analysed", StudyState.NotAnalysed, minutes: 5),
            Study("abnormal-mid", StudyState.Done, 0.7),
            Study("pending-new", StudyState.Assembling, minutes: 9),
            Study("normal-high", StudyState.Delivering, 0.4),
            Study("abnormal-top", StudyState.Done, 0.95),
            Study("pending-old", StudyState.Scoring, minutes: 1),
            Study("failed", StudyState.Failed),
        ]);

        Assert.Equal(
            ["abnormal-top", "abnormal-mid", "pending-old", "pending-new", "normal-high", "normal-low", "failed", "not-analysed"],
            list.Select(e => e.StudyInstanceUid));
        Assert.Equal(Enumerable.Range(1, 8), list.Select(e => e.Rank));
        Assert.Equal("ABNORMAL", list[0].Flag);
        Assert.Equal(0.95, list[0].Score);
        Assert.Equal("PENDING", list[2].Flag);
        Assert.Null(list[2].Score);
        Assert.Equal("NORMAL", list[4].Flag);
        Assert.Equal("NOT_ANALYSED", list[7].Flag);
        Assert.Equal("no eligible series", list[7].Reason);
    }

    [Fact]
    public void AStudyBeingRescoredShowsNoStaleScore()
    {
        var entry = Assert.Single(WorklistOrdering.Order([Study("rescoring", StudyState.Scoring, 0.9)]));
        Assert.Equal("PENDING", entry.Flag);
        Assert.Null(entry.Score);
    }

    [Fact]
    public void ADeadLetteredStudyKeepsItsVerdictScoreAndPlace()
    {
        var dead = Study("dead", StudyState.Failed, 0.9) with { Revision = 1, Reason = "delivery dead-lettered: pacs (refused)" };
        var scoringFailed = Study("scoring-failed", StudyState.Failed, 0.95) with { Revision = 2, Reason = "model crashed" };
        var list = WorklistOrdering.Order(
            [Study("abnormal", StudyState.Done, 0.7), scoringFailed, dead],
            new HashSet<(string, int)> { ("dead", 1), ("scoring-failed", 1) },
            "/viewer?StudyInstanceUIDs={StudyInstanceUID}");

        Assert.Equal(["dead", "abnormal", "scoring-failed"], list.Select(e => e.StudyInstanceUid));
        Assert.Equal(("ABNORMAL", 0.9, "dead-lettered"), (list[0].Flag, list[0].Score, list[0].Status));
        Assert.Contains("dead-lettered", list[0].Reason, StringComparison.Ordinal);
        Assert.Equal("done", list[1].Status);
        // Its dead letter is of an older revision: the score shown would be stale.
        Assert.Equal(("FAILED", (double?)null, "failed"), (list[2].Flag, list[2].Score, list[2].Status));
        Assert.Equal("/viewer?StudyInstanceUIDs=dead", list[0].ViewerUrl);
    }

    [Fact]
    public void StatesAreNamedForReaders()
    {
        var list = WorklistOrdering.Order(
            [Study("r", StudyState.Received), Study("a", StudyState.Assembling, minutes: 1), Study("s", StudyState.Scoring, minutes: 2), Study("n", StudyState.NotAnalysed), Study("f", StudyState.Failed)],
            new HashSet<(string, int)>(), null);
        Assert.Equal(["received", "received", "scoring", "failed", "not analysed"], list.Select(e => e.Status));
        Assert.All(list, e => Assert.Null(e.ViewerUrl));
    }
}

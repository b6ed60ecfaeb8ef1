using Xunit.Abstractions;

namespace Isl.Dicom.Tests.Corpus;

/// <summary>Prints every outcome and the tally line: round-tripped / clear errors / failures.</summary>
internal static class CorpusTally
{
    public static void Report(ITestOutputHelper output, string title, IReadOnlyCollection<CorpusOutcome> outcomes)
    {
        foreach (var outcome in outcomes.OrderBy(o => o.Kind).ThenBy(o => o.File, StringComparer.Ordinal))
        {
            output.WriteLine(outcome.ToString());
        }

        output.WriteLine(
            $"{title}: {outcomes.Count} files: {outcomes.Count(o => o.Kind == CorpusOutcomeKind.RoundTripped)} round-tripped / "
            + $"{outcomes.Count(o => o.Kind == CorpusOutcomeKind.ClearError)} clear errors / {outcomes.Count(o => o.Kind == CorpusOutcomeKind.Failure)} failures");
    }
}

using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Selection;

/// <summary>The outcome of series selection for one study: the chosen series (if any) and a decision per series.</summary>
/// <param name="Selected">The chosen series, or null when none is eligible.</param>
/// <param name="Decisions">One decision per series, with its reason.</param>
public sealed record SeriesSelection(SelectedSeries? Selected, IReadOnlyList<SeriesDecision> Decisions)
{
    /// <summary>Why nothing was analysed (every series' reason), or null when a series was selected.</summary>
    public string? NotAnalysedReason => Selected is not null
        ? null
        : Decisions.Count == 0
            ? "the study has no image series"
            : "no eligible series: " + string.Join("; ", Decisions.Select(d => $"{Label(d)} {d.Reason}"));

    private static string Label(SeriesDecision decision) =>
        decision.Description.Length > 0 ? $"'{decision.Description}'" : decision.SeriesInstanceUid;
}

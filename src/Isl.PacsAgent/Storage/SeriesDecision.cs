namespace Isl.PacsAgent.Storage;

/// <summary>Whether one series of a study was chosen for scoring, and why (or why not).</summary>
/// <param name="SeriesInstanceUid">SeriesInstanceUID.</param>
/// <param name="Selected">True for the one series that was scored.</param>
/// <param name="Reason">A sentence a PACS administrator can act on.</param>
/// <param name="Description">SeriesDescription, for people reading the record.</param>
public sealed record SeriesDecision(string SeriesInstanceUid, bool Selected, string Reason, string Description = "");

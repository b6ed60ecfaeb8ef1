namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// Writes the "not analysed" SR of a study none of whose series could be scored, so that the PACS shows in the study
/// itself that the AI looked at it and why it did not triage it (the seam to Isl.Reports).
/// </summary>
public interface INotAnalysedResultWriter
{
    /// <summary>Writes the files into <see cref="NotAnalysedContext.OutputDirectory"/>; and returns what it wrote: none when the study holds no image to reference.</summary>
    Task<IReadOnlyList<WrittenResult>> WriteAsync(NotAnalysedContext context, CancellationToken cancellationToken);
}

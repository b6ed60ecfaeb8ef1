namespace Isl.PacsAgent.Pipeline;

/// <summary>Writes no DICOM results (used until the report builders are wired in; the triage still reaches the worklist and metadata).</summary>
public sealed class NoResultWriter : IResultWriter
{
    /// <inheritdoc />
    public Task<IReadOnlyList<string>> WriteAsync(ResultContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}

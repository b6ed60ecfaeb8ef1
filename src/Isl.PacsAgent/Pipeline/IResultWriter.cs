namespace Isl.PacsAgent.Pipeline;

/// <summary>Writes a scored study's DICOM results (SR, heatmap SC series) as Part 10 files (the seam to Isl.Reports).</summary>
public interface IResultWriter
{
    /// <summary>Writes the files into <see cref="ResultContext.OutputDirectory"/> and returns what it wrote.</summary>
    Task<IReadOnlyList<WrittenResult>> WriteAsync(ResultContext context, CancellationToken cancellationToken);
}

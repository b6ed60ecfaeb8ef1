namespace Isl.Reports.Rendering;

/// <summary>One tile of the summary image: a composited slice (interleaved RGB), its 1-based position among the scored slices and its score.</summary>
internal sealed record SummaryTile(byte[] Rgb, int Columns, int Rows, int Position, double Score);

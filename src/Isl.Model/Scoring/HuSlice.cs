using Isl.Model.Preprocessing;

namespace Isl.Model.Scoring;

/// <summary>One CT slice in HU with its (optional) patient-space geometry for ordering.</summary>
/// <param name="Hu">Row-major HU values.</param>
/// <param name="Rows">Height.</param>
/// <param name="Columns">Width.</param>
/// <param name="Geometry">Orientation and position, when known.</param>
public sealed record HuSlice(float[] Hu, int Rows, int Columns, SliceGeometry? Geometry = null);

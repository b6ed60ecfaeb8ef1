namespace Isl.Model.Preprocessing;

/// <summary>A slice ready for the networks: channels × size × size in [0, 1], and its head mask (size × size).</summary>
/// <param name="Pixels">Channel-major values.</param>
/// <param name="Mask">1 inside the effective (head) area.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="Size">Square size.</param>
public sealed record PreparedSlice(float[] Pixels, float[] Mask, int Channels, int Size);

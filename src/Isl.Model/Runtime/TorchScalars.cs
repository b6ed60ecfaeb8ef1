using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace Isl.Model.Runtime;

/// <summary>
/// Scalar operands that stay alive while libtorch reads them, and the tensor arithmetic built on them.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns every primitive operand (<c>x * 0.5</c>, <c>a + b</c> with its implicit alpha of 1,
/// <c>t.square()</c>, <c>clamp_min(1e-6)</c>, <c>leaky_relu(x, 0.2)</c>, the managed optimizers' step) into a
/// <see cref="Scalar"/> that no dispose scope tracks. Once its handle has been passed to native code nothing references it,
/// so a garbage collection triggered by another thread can finalize it — freeing the native c10::Scalar — while the kernel
/// still reads it: NaN weights or "Unknown scalar type" under GC pressure (issue 5). Everything in this assembly therefore
/// takes Scalars from here: constants are cached for the life of the process (never finalized), per-step values come from
/// <see cref="Temporary"/> and are disposed by the caller after the call. <c>TorchScalarAudit</c> in the tests fails the build
/// when code anywhere else creates a Scalar or calls a TorchSharp method that creates one internally.
/// </remarks>
public static class TorchScalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Reals = new();
    private static readonly ConcurrentDictionary<long, Scalar> Integers = new();

    /// <summary>The real scalar 1 (the alpha of additions).</summary>
    public static Scalar One => Real(1.0);

    /// <summary>A cached real (Float64) scalar: for constants and configuration values, not for values that change every step.</summary>
    public static Scalar Real(double value) => Reals.GetOrAdd(value, static v => v.ToScalar());

    /// <summary>A cached integer (Int64) scalar, for integer tensors and index arithmetic.</summary>
    public static Scalar Integer(long value) => Integers.GetOrAdd(value, static v => v.ToScalar());

    /// <summary>A scalar for a value that changes (e.g. a bias-corrected step size); the caller disposes it after the call (<c>using</c>).</summary>
    public static Scalar Temporary(double value) => value.ToScalar();

    /// <summary>a + b.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + value.</summary>
    public static Tensor Plus(this Tensor a, double value) => a.add(Real(value), One);

    /// <summary>a · value.</summary>
    public static Tensor Times(this Tensor a, double value) => a.mul(Real(value));

    /// <summary>a / value.</summary>
    public static Tensor DividedBy(this Tensor a, double value) => a.div(Real(value));

    /// <summary>value − a (a subtracted from value; e.g. <c>holes.SubtractedFrom(1)</c> is 1 − holes).</summary>
    public static Tensor SubtractedFrom(this Tensor a, double value) => a.neg().add(Real(value), One);

    /// <summary>a².</summary>
    public static Tensor Squared(this Tensor a) => a.mul(a);

    /// <summary>max(a, value).</summary>
    public static Tensor AtLeast(this Tensor a, double value) => a.clamp_min(Real(value));

    /// <summary>a clamped to [low, high].</summary>
    public static Tensor Between(this Tensor a, double low, double high) => a.clamp(Real(low), Real(high));

    /// <summary>Leaky ReLU with the given negative slope (0 ≤ slope ≤ 1).</summary>
    public static Tensor LeakyRelu(this Tensor a, double slope) => maximum(a, a.mul(Real(slope)));

    /// <summary>softplus(a) = log(1 + eᵃ), computed stably as relu(a) + log1p(e^−|a|).</summary>
    public static Tensor Softplus(this Tensor a) => a.relu().add(a.abs().neg().exp().log1p(), One);

    /// <summary>a ≥ value.</summary>
    public static Tensor AtLeastMask(this Tensor a, double value) => a.ge(Real(value));

    /// <summary>a &gt; value.</summary>
    public static Tensor AboveMask(this Tensor a, double value) => a.gt(Real(value));

    /// <summary>a &lt; value.</summary>
    public static Tensor BelowMask(this Tensor a, double value) => a.lt(Real(value));

    /// <summary>a ≤ value.</summary>
    public static Tensor AtMostMask(this Tensor a, double value) => a.le(Real(value));

    /// <summary>A tensor shaped like <paramref name="a"/> filled with <paramref name="value"/>.</summary>
    public static Tensor FullLike(Tensor a, double value) => full_like(a, Real(value));

    /// <summary>[start, stop) as Int64 on <paramref name="device"/>.</summary>
    public static Tensor Range(long start, long stop, Device? device = null) => arange(Integer(start), Integer(stop), Integer(1), ScalarType.Int64, device);
}

using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Runtime;

public sealed class TorchScalarsTests
{
    [Fact]
    public void Arithmetic_helpers_match_their_definitions()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { -3, -0.5f, 0, 0.25f, 4 });
        var b = tensor(new float[] { 1, 2, 3, 4, 5 });
        Assert.Equal(new float[] { -2, 1.5f, 3, 4.25f, 9 }, a.Plus(b).data<float>().ToArray());
        Assert.Equal(new float[] { -1, 1.5f, 2, 2.25f, 6 }, a.Plus(2).data<float>().ToArray());
        Assert.Equal(new float[] { 4, 1.5f, 1, 0.75f, -3 }, a.SubtractedFrom(1).data<float>().ToArray());
        Assert.Equal(new float[] { 9, 0.25f, 0, 0.0625f, 16 }, a.Squared().data<float>().ToArray());
        Assert.Equal(new float[] { -1.5f, -0.25f, 0, 0.125f, 2 }, a.Times(0.5).data<float>().ToArray());
        Assert.Equal(new float[] { -1, -0.5f, 0, 0.25f, 1 }, a.Between(-1, 1).data<float>().ToArray());
        Assert.Equal(new float[] { -0.6f, -0.1f, 0, 0.25f, 4 }, a.LeakyRelu(0.2).data<float>().ToArray());
        Assert.Equal(new long[] { 3, 4, 5 }, TorchScalars.Range(3, 6).data<long>().ToArray());
        var softplus = a.Softplus().data<float>().ToArray();
        var expected = new[] { -3, -0.5, 0, 0.25, 4 }.Select(v => Math.Log(1 + Math.Exp(v))).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], softplus[i], 5);
        }
    }

    [Fact]
    public void Constants_are_cached_and_stay_alive()
    {
        Assert.Same(TorchScalars.Real(0.125), TorchScalars.Real(0.125));
        Assert.Same(TorchScalars.Integer(7), TorchScalars.Integer(7));
        Assert.NotSame(TorchScalars.Real(7), TorchScalars.Integer(7));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var scope = NewDisposeScope();
        Assert.Equal(2.5f, ones(1).mul(TorchScalars.Real(2.5)).item<float>());
    }
}

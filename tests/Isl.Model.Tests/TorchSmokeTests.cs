using TorchSharp;
using static TorchSharp.torch;

namespace Isl.Model.Tests;

public sealed class TorchSmokeTests
{
    [Fact]
    public void Native_backend_loads_and_a_tensor_op_runs()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var b = a.matmul(a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, b.data<float>().ToArray());
    }
}

using Isl.Model.Runtime;
using Isl.Model.Training;
using Isl.Testing;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Training;

public sealed class AdamOptimizerTests
{
    [Fact]
    public void Steps_follow_the_bias_corrected_update_rule()
    {
        using var scope = NewDisposeScope();
        var p = new Parameter(tensor(new float[] { 1, -2 }));
        using var adam = new AdamOptimizer([p], learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8);
        double[] x = [1, -2], m = [0, 0], v = [0, 0];
        for (var step = 1; step <= 3; step++)
        {
            adam.ZeroGrad();
            p.Squared().sum().backward(); // gradient 2x
            adam.Step();
            for (var i = 0; i < 2; i++)
            {
                var g = 2 * x[i];
                m[i] = (0.9 * m[i]) + (0.1 * g);
                v[i] = (0.999 * v[i]) + (0.001 * g * g);
                x[i] -= 0.1 * (m[i] / (1 - Math.Pow(0.9, step))) / (Math.Sqrt(v[i] / (1 - Math.Pow(0.999, step))) + 1e-8);
            }
        }

        var actual = p.data<float>().ToArray();
        Assert.Equal(x[0], actual[0], 5);
        Assert.Equal(x[1], actual[1], 5);
        Assert.Equal(3, adam.Steps);
    }

    [Fact]
    public void Saved_state_resumes_the_same_trajectory_and_a_foreign_state_is_refused()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        var a = new Parameter(tensor(new float[] { 0.5f, 1.5f, -1 }));
        var b = new Parameter(tensor(new float[] { 0.5f, 1.5f, -1 }));
        using var first = new AdamOptimizer([a], 0.05);
        using var second = new AdamOptimizer([b], 0.05);
        void Step(AdamOptimizer adam, Parameter p)
        {
            adam.ZeroGrad();
            (p * p * p).sum().backward();
            adam.Step();
        }

        Step(first, a);
        Step(first, a);
        first.Save(dir.Combine("adam.bin"));
        b.detach().copy_(a.detach());
        second.Load(dir.Combine("adam.bin"));
        Step(first, a);
        Step(second, b);
        Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
        Assert.Equal(first.Steps, second.Steps);

        using var other = new AdamOptimizer([new Parameter(zeros(4))], 0.05);
        var error = Assert.Throws<IslModelException>(() => other.Load(dir.Combine("adam.bin")));
        Assert.Contains("different network", error.Message, StringComparison.Ordinal);
        Assert.Throws<IslModelException>(() => other.Load(dir.Combine("missing.bin")));
        File.WriteAllBytes(dir.Combine("short.bin"), File.ReadAllBytes(dir.Combine("adam.bin"))[..20]);
        Assert.Throws<IslModelException>(() => second.Load(dir.Combine("short.bin")));
    }
}

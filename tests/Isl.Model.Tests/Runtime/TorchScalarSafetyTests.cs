using Isl.Model.Runtime;
using Isl.Testing;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Runtime;

public sealed class TorchScalarSafetyTests
{
    [Fact]
    public void Nothing_in_Isl_Model_hands_TorchSharp_a_Scalar_the_collector_may_free_mid_call()
        => TorchScalarAudit.AssertClean(typeof(TorchScalars).Assembly.Location);

    [Fact]
    public void The_audit_catches_primitive_operands_implicit_alphas_and_TorchSharps_optimizers()
    {
        var violations = TorchScalarAudit.Violations(typeof(TorchScalarSafetyTests).Assembly.Location, TorchScalarAudit.AllowedType);
        Assert.Contains(violations, v => v.Contains("UnsafeFixture::Halve", StringComparison.Ordinal) && v.Contains("op_Multiply", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("UnsafeFixture::Sum", StringComparison.Ordinal) && v.Contains("op_Addition", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("UnsafeFixture::Leaky", StringComparison.Ordinal) && v.Contains("leaky_relu", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("UnsafeFixture::Optimizer", StringComparison.Ordinal) && v.Contains("Adam", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("UnsafeFixture::Safe", StringComparison.Ordinal));
    }

    // Never called: the audit reads these methods' IL.
    private static class UnsafeFixture
    {
        public static Tensor Halve(Tensor x) => x * 0.5;

        public static Tensor Sum(Tensor a, Tensor b) => a + b;

        public static Tensor Leaky(Tensor x) => nn.functional.leaky_relu(x, 0.2);

        public static object Optimizer(TorchSharp.Modules.Parameter p) => optim.Adam([p]);

        public static Tensor Safe(Tensor a, Tensor b) => a.Plus(b).Times(0.5);
    }
}

using Isl.Testing;

namespace Isl.Trainer.Tests.Support;

public sealed class TorchScalarSafetyTests
{
    [Fact]
    public void The_trainer_hands_TorchSharp_no_Scalar_the_collector_may_free_mid_call()
    {
        var trainer = Path.Combine(AppContext.BaseDirectory, "isl-trainer.dll");
        var violations = TorchScalarAudit.Violations(trainer, "Isl.Model.Runtime.TorchScalars");
        Assert.True(violations.Count == 0, "Use Isl.Model.Runtime.TorchScalars instead of primitive operands:\n" + string.Join("\n", violations));
    }
}

using Isl.Testing;

namespace Isl.Trainer.Tests.Support;

public sealed class TorchScalarSafetyTests
{
    [Fact]
    public void The_trainer_hands_TorchSharp_no_Scalar_the_collector_may_free_mid_call()
        => TorchScalarAudit.AssertClean(Path.Combine(AppContext.BaseDirectory, "isl-trainer.dll"));
}

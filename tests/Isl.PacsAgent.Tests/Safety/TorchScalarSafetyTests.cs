using Isl.Testing;

namespace Isl.PacsAgent.Tests.Safety;

public sealed class TorchScalarSafetyTests
{
    [Fact]
    public void The_agent_hands_TorchSharp_no_Scalar_the_collector_may_free_mid_call()
        => TorchScalarAudit.AssertClean(Path.Combine(AppContext.BaseDirectory, "isl-agent.dll"));
}

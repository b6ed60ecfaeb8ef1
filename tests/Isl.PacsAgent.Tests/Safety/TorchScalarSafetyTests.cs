using Isl.Testing;

namespace Isl.PacsAgent.Tests.Safety;

public sealed class TorchScalarSafetyTests
{
    [Fact]
    public void The_agent_hands_TorchSharp_no_Scalar_the_collector_may_free_mid_call()
    {
        var agent = Path.Combine(AppContext.BaseDirectory, "isl-agent.dll");
        var violations = TorchScalarAudit.Violations(agent, "Isl.Model.Runtime.TorchScalars");
        Assert.True(violations.Count == 0, "Use Isl.Model.Runtime.TorchScalars instead of primitive operands:\n" + string.Join("\n", violations));
    }
}

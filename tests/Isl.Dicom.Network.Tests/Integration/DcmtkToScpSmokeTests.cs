using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class DcmtkToScpSmokeTests
{
    [Fact]
    public async Task Echoscu_gets_success()
    {
        await using var scp = new ScpHost();
        var result = ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Storescu_sends_ge_series()
    {
        await using var scp = new ScpHost();
        var result = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), .. SharedData.GeHeadCtFiles()]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(28, scp.StoredFiles().Length);
    }
}

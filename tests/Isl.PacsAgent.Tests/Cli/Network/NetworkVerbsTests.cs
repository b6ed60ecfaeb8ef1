using Isl.Testing;

namespace Isl.PacsAgent.Tests.Cli.Network;

[Trait("Category", "Integration")]
public sealed class NetworkVerbsTests
{
    private static string Agent => Path.Combine(AppContext.BaseDirectory, "isl-agent.dll");

    [Fact]
    public void Echo_send_and_receive_work_together_and_report_per_file()
    {
        using var work = new TempDirectory("isl-verbs");
        var port = FreePort.Next();
        using var receiver = ReceiveCrashSafetyTests.StartReceiver(port, work.Combine("spool"));
        try
        {
            var echo = ExternalTool.Run("dotnet", [Agent, "echo", "--port", port.ToString(), "--called-aet", "ISL", "--calling-aet", "STORESCU"]);
            Assert.True(echo.ExitCode == 0, echo.Output);
            Assert.Contains("Success", echo.StdOut);

            var refused = ExternalTool.Run("dotnet", [Agent, "echo", "--port", port.ToString(), "--called-aet", "ISL", "--calling-aet", "INTRUDER"]);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("rejected", refused.StdErr);

            var notDicom = work.Combine("notes.txt");
            File.WriteAllText(notDicom, "not a DICOM file");
            var mr = Path.Combine(SharedData.PydicomTestFiles, "MR_small.dcm");
            var ge = SharedData.GeHeadCtFiles()[..3];
            var send = ExternalTool.Run("dotnet", [Agent, "send", "--port", port.ToString(), "--called-aet", "ISL", "--calling-aet", "STORESCU", .. ge, mr, notDicom]);
            Assert.Equal(1, send.ExitCode);
            Assert.All(ge, f => Assert.Contains($"{f}: stored", send.StdOut));
            Assert.Contains($"{mr}: NOT stored", send.StdErr);
            Assert.Contains($"{notDicom}: NOT stored", send.StdErr);
            Assert.Contains("3 stored, 2 not stored", send.StdOut);

            var sendDirectory = ExternalTool.Run("dotnet", [Agent, "send", "--port", port.ToString(), "--called-aet", "ISL", "--calling-aet", "STORESCU", SharedData.GeHeadCtSeries]);
            Assert.True(sendDirectory.ExitCode == 0, sendDirectory.Output);
            Assert.Contains("28 stored, 0 not stored", sendDirectory.StdOut);
        }
        finally
        {
            receiver.Kill();
        }
    }

    [Fact]
    public void Receive_without_an_allow_list_refuses_to_start_with_a_clear_message()
    {
        using var work = new TempDirectory("isl-verbs");
        var result = ExternalTool.Run("dotnet", [Agent, "receive", "--port", FreePort.Next().ToString(), "--aet", "ISL", "--out", work.Path]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--allow", result.StdErr);
    }
}

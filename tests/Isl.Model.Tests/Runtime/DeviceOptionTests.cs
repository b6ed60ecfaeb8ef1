using Isl.Model.Runtime;

namespace Isl.Model.Tests.Runtime;

/// <summary>One parser of Scoring:Device / --device for the agent, the trainer, the bench and both engines.</summary>
public sealed class DeviceOptionTests
{
    [Theory]
    [InlineData("cpu", DeviceKind.Cpu, 0, "cpu")]
    [InlineData(" CPU ", DeviceKind.Cpu, 0, "cpu")]
    [InlineData("auto", DeviceKind.Auto, 0, "auto")]
    [InlineData("cuda", DeviceKind.Cuda, 0, "cuda")]
    [InlineData("gpu", DeviceKind.Cuda, 0, "cuda")]
    [InlineData("cuda:0", DeviceKind.Cuda, 0, "cuda")]
    [InlineData("CUDA:7", DeviceKind.Cuda, 7, "cuda:7")]
    public void Accepted_forms_keep_their_device_index(string text, DeviceKind kind, int index, string canonical)
    {
        var device = DeviceOption.Parse(text);
        Assert.Equal(new DeviceOption(kind, index), device);
        Assert.Equal(canonical, device.ToString());
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:+1")]
    [InlineData("cuda:1x")]
    [InlineData("cuda:99999999999")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused_naming_the_accepted_forms(string? text)
    {
        Assert.False(DeviceOption.TryParse(text, out _));
        var error = Assert.Throws<IslModelException>(() => DeviceOption.Parse(text));
        Assert.Contains(DeviceOption.Forms, error.Message);
    }

    [Fact]
    public void Torch_refuses_a_cuda_device_this_cpu_build_does_not_have_in_one_line()
    {
        var error = Assert.Throws<IslModelException>(() => TorchRuntime.Resolve(DeviceOption.Parse("cuda:2")));
        Assert.Contains("Device 'cuda:2' was asked for", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(TorchSharp.DeviceType.CPU, TorchRuntime.Resolve(DeviceOption.Auto).type);
    }

    [Theory]
    [InlineData("torch", InferenceEngine.Torch)]
    [InlineData("ONNX", InferenceEngine.Onnx)]
    public void Engines_parse_and_anything_else_is_refused(string text, InferenceEngine engine)
    {
        Assert.Equal(engine, InferenceEngines.Parse(text));
        Assert.Contains(InferenceEngines.Forms, Assert.Throws<IslModelException>(() => InferenceEngines.Parse("tensorrt")).Message);
    }
}

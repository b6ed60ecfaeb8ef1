namespace Isl.Model.Runtime;

/// <summary>The one parser of <c>torch</c> / <c>onnx</c> (agent's <c>Scoring:Engine</c>, trainer's and bench's <c>--engine</c>).</summary>
public static class InferenceEngines
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string Forms = "torch or onnx";

    /// <summary>Parses <c>torch</c> or <c>onnx</c> (case-insensitive) without throwing.</summary>
    public static bool TryParse(string? text, out InferenceEngine engine)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "torch":
                engine = InferenceEngine.Torch;
                return true;
            case "onnx":
                engine = InferenceEngine.Onnx;
                return true;
            default:
                engine = InferenceEngine.Torch;
                return false;
        }
    }

    /// <summary>Parses like <see cref="TryParse"/>; throws <see cref="IslModelException"/> on anything else.</summary>
    public static InferenceEngine Parse(string? text)
        => TryParse(text, out var engine) ? engine : throw new IslModelException($"Unknown engine '{text}': use {Forms}.");
}

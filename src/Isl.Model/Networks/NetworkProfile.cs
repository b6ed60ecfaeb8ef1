using System.Text.Json.Serialization;

namespace Isl.Model.Networks;

/// <summary>Sizes of the DeDN, its discriminator and the DRN; named profiles trade accuracy for speed.</summary>
public sealed record NetworkProfile
{
    /// <summary>Profile name (paper, cpu, or custom).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "custom";

    /// <summary>Generator widths: 7×7 stem, first and second stride-2 convolution.</summary>
    [JsonPropertyName("generatorWidths")]
    public IReadOnlyList<int> GeneratorWidths { get; init; } = [16, 32, 64];

    /// <summary>Residual blocks (dilation 2) in the generator's middle.</summary>
    [JsonPropertyName("residualBlocks")]
    public int ResidualBlocks { get; init; } = 4;

    /// <summary>Input size (square).</summary>
    [JsonPropertyName("size")]
    public int Size { get; init; } = 128;

    /// <summary>Width of the PatchGAN discriminator's first layer.</summary>
    [JsonPropertyName("discriminatorWidth")]
    public int DiscriminatorWidth { get; init; } = 16;

    /// <summary>Width of the DRN's first stage (doubles per stage).</summary>
    [JsonPropertyName("drnWidth")]
    public int DrnWidth { get; init; } = 16;

    /// <summary>DRN embedding dimension.</summary>
    [JsonPropertyName("embeddingDim")]
    public int EmbeddingDim { get; init; } = 64;

    /// <summary>EdgeConnect sizes: 64/128/256 channels, 8 residual blocks, 256².</summary>
    public static NetworkProfile Paper { get; } = new()
    {
        Name = "paper", GeneratorWidths = [64, 128, 256], ResidualBlocks = 8, Size = 256, DiscriminatorWidth = 64, DrnWidth = 32, EmbeddingDim = 128,
    };

    /// <summary>Compact: a 32-slice study scores on 2 CPU cores in under a minute.</summary>
    public static NetworkProfile Cpu { get; } = new()
    {
        Name = "cpu", GeneratorWidths = [16, 32, 64], ResidualBlocks = 4, Size = 128, DiscriminatorWidth = 16, DrnWidth = 16, EmbeddingDim = 64,
    };

    /// <summary>Tiny, for tests and smoke runs (64²).</summary>
    public static NetworkProfile Tiny { get; } = new()
    {
        Name = "tiny", GeneratorWidths = [8, 16, 32], ResidualBlocks = 2, Size = 64, DiscriminatorWidth = 8, DrnWidth = 8, EmbeddingDim = 32,
    };

    /// <summary>Looks a profile up by name (paper, cpu, tiny).</summary>
    public static NetworkProfile Named(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "paper" => Paper,
        "cpu" => Cpu,
        "tiny" => Tiny,
        _ => throw new IslModelException($"Unknown profile '{name}': use paper, cpu or tiny."),
    };

    /// <summary>Throws when the sizes cannot build a network.</summary>
    public void Validate()
    {
        if (GeneratorWidths.Count != 3 || GeneratorWidths.Any(w => w <= 0) || ResidualBlocks < 0 || DiscriminatorWidth <= 0 || DrnWidth <= 0 || EmbeddingDim <= 0)
        {
            throw new IslModelException($"Profile '{Name}' has invalid widths or depths.");
        }

        if (Size < 16 || Size % 16 != 0)
        {
            throw new IslModelException($"Profile '{Name}': size {Size} must be a multiple of 16.");
        }
    }
}

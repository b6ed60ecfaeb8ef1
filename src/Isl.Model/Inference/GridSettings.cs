using System.Text.Json.Serialization;

namespace Isl.Model.Inference;

/// <summary>Grid inference settings (stored in the bundle; the mode can be overridden at scoring time).</summary>
public sealed record GridSettings
{
    /// <summary>Cells per side (K).</summary>
    [JsonPropertyName("k")]
    public int K { get; init; } = 4;

    /// <summary>Exact (K² passes) or fast (g² passes).</summary>
    [JsonPropertyName("mode")]
    [JsonConverter(typeof(JsonStringEnumConverter<GridMode>))]
    public GridMode Mode { get; init; } = GridMode.Exact;

    /// <summary>Group stride g for the fast mode (2: cells sharing a pass are never edge- or corner-adjacent).</summary>
    [JsonPropertyName("groupStride")]
    public int GroupStride { get; init; } = 2;

    /// <summary>Throws when the settings are unusable for <paramref name="size"/>.</summary>
    public void Validate(int size)
    {
        if (K < 1 || K > size / 4)
        {
            throw new IslModelException($"Grid K={K} must be between 1 and size/4 ({size / 4}).");
        }

        if (GroupStride < 2 || GroupStride > K && K > 1)
        {
            throw new IslModelException($"Grid group stride {GroupStride} must be between 2 and K ({K}).");
        }
    }

    /// <summary>Generator passes per slice.</summary>
    [JsonIgnore]
    public int PassesPerSlice => Mode switch
    {
        GridMode.Autoencoder => 1,
        GridMode.Exact => K * K,
        _ => K == 1 ? 1 : Math.Min(K, GroupStride) * Math.Min(K, GroupStride),
    };
}

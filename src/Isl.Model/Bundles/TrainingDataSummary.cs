using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Isl.Model.Bundles;

/// <summary>What a bundle was trained on.</summary>
public sealed record TrainingDataSummary
{
    /// <summary>Slices used.</summary>
    [JsonPropertyName("slices")]
    public int Slices { get; init; }

    /// <summary>Studies (or images) used.</summary>
    [JsonPropertyName("studies")]
    public int Studies { get; init; }

    /// <summary>Where the data came from (folders, data sets).</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>SHA-256 over the sorted input identifiers (see <see cref="HashOf"/>).</summary>
    [JsonPropertyName("hash")]
    public string Hash { get; init; } = "";

    /// <summary>Free text (steps, seeds, options).</summary>
    [JsonPropertyName("notes")]
    public string Notes { get; init; } = "";

    /// <summary>SHA-256 (hex) of the ordinal-sorted identifiers joined by newlines.</summary>
    public static string HashOf(IEnumerable<string> identifiers)
    {
        var text = string.Join('\n', identifiers.OrderBy(s => s, StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

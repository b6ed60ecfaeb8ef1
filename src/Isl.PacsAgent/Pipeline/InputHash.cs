using System.Security.Cryptography;
using System.Text;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Pipeline;

/// <summary>A digest of what was scored, so that output UIDs change exactly when the input does.</summary>
public static class InputHash
{
    /// <summary>Hex SHA-256 (first 16 bytes) of the series UID and its slices' SOP Instance UIDs in slice order.</summary>
    public static string Compute(SelectedSeries series)
    {
        var text = new StringBuilder(series.SeriesInstanceUid);
        foreach (var slice in series.Slices)
        {
            text.Append('|').Append(slice.SopInstanceUid);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }
}

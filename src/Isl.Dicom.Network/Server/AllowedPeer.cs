using System.Net;

namespace Isl.Dicom.Network.Server;

/// <summary>One entry of the SCP's allow-list: a calling AE title from an address (any address when null).</summary>
/// <param name="AeTitle">The calling AE title, compared exactly (after trimming spaces).</param>
/// <param name="Address">The source address, or null for any.</param>
public sealed record AllowedPeer(string AeTitle, IPAddress? Address)
{
    /// <summary>Parses <c>AE@IP</c> or <c>AE@*</c> (or a bare <c>AE</c>, meaning any address).</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static AllowedPeer Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var ae = (at < 0 ? text : text[..at]).Trim();
        var address = at < 0 ? "*" : text[(at + 1)..].Trim();
        if (ae.Length is 0 or > 16)
        {
            throw new FormatException($"'{text}': the AE title must be 1 to 16 characters (form CALLING_AE@IP).");
        }

        if (address == "*")
        {
            return new AllowedPeer(ae, null);
        }

        return IPAddress.TryParse(address, out var ip)
            ? new AllowedPeer(ae, ip)
            : throw new FormatException($"'{text}': '{address}' is not an IP address (form CALLING_AE@IP or CALLING_AE@*).");
    }

    /// <summary>True when this entry admits <paramref name="callingAe"/> connecting from <paramref name="remote"/>.</summary>
    public bool Admits(string callingAe, IPAddress? remote)
    {
        if (!string.Equals(AeTitle, callingAe.Trim(), StringComparison.Ordinal))
        {
            return false;
        }

        if (Address is null)
        {
            return true;
        }

        if (remote is null)
        {
            return false;
        }

        var left = Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address;
        var right = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return left.Equals(right);
    }

    /// <inheritdoc />
    public override string ToString() => $"{AeTitle}@{(Address is null ? "*" : Address.ToString())}";
}

using System.Net;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Collects configuration errors, each naming the exact key a user has to fix.</summary>
internal sealed class OptionErrors(string section)
{
    private readonly List<string> errors = [];

    public void Add(string key, string problem) => errors.Add($"{section}:{key} {problem}");

    public void RequireRange(string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(key, $"is {value}; it must be between {min} and {max}.");
        }
    }

    public void RequireAeTitle(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 16 || value.Any(c => c < 0x20 || c > 0x7e || c == '\\'))
        {
            Add(key, $"is '{value}'; an AE title has 1 to 16 printable ASCII characters and no backslash.");
        }
    }

    public void RequireAddress(string key, string value)
    {
        if (!IPAddress.TryParse(value, out _))
        {
            Add(key, $"is '{value}'; it must be an IP address such as 127.0.0.1 or 0.0.0.0.");
        }
    }

    public Uri? RequireHttpUrl(string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Add(key, $"is '{Redact(value)}'; it must be an absolute http:// or https:// URL.");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            Add(key, "embeds credentials; put them in Username/Password or Token instead.");
        }

        return uri;
    }

    public void RequirePath(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, "is empty; it must name a file or folder.");
        }
        else if (value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            Add(key, $"'{value}' contains characters that are not allowed in a path.");
        }
    }

    public ValidateOptionsResult ToResult() => errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

    /// <summary>A URL as it may be printed: any user-info part replaced.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo)
            ? url.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : url;
}

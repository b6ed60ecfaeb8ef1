using System.Security.Cryptography;
using System.Text;
using Isl.PacsAgent.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Isl.PacsAgent.Web;

/// <summary>
/// Requires the configured basic or bearer credentials (<c>Http:Authentication</c>) on every path but <c>/health</c>
/// (probes, no patient data). Credentials are compared in constant time and never logged.
/// </summary>
public static class EndpointAuthentication
{
    /// <summary>The realm a browser shows when it asks for basic credentials.</summary>
    public const string Realm = "isl-agent worklist";

    /// <summary>Adds the check when <paramref name="options"/> asks for authentication.</summary>
    public static IApplicationBuilder UseEndpointAuthentication(this IApplicationBuilder app, HttpEndpointOptions options)
    {
        if (options.Authentication == HttpAuthenticationKind.None)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(options.Authentication == HttpAuthenticationKind.Basic
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"))
            : "Bearer " + options.Token);
        var challenge = options.Authentication == HttpAuthenticationKind.Basic ? $"Basic realm=\"{Realm}\", charset=\"UTF-8\"" : $"Bearer realm=\"{Realm}\"";
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals("/health", StringComparison.Ordinal) || Matches(context.Request.Headers.Authorization.ToString(), expected))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers[HeaderNames.WWWAuthenticate] = challenge;
        });
    }

    private static bool Matches(string presented, byte[] expected)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        return bytes.Length == expected.Length && CryptographicOperations.FixedTimeEquals(bytes, expected);
    }
}

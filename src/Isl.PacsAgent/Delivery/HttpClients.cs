using System.Net.Http.Headers;
using System.Text;
using Isl.PacsAgent.Configuration;

namespace Isl.PacsAgent.Delivery;

/// <summary>Makes HTTP clients for configured peers, with their base address and credentials.</summary>
public static class HttpClients
{
    /// <summary>A client rooted at <paramref name="url"/> (a trailing '/' is added) that authenticates as configured.</summary>
    public static HttpClient Create(IHttpClientFactory factory, string url, HttpAuthenticationKind authentication, string username, string password, string token)
    {
        var client = factory.CreateClient("isl-agent");
        client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Authorization = authentication switch
        {
            HttpAuthenticationKind.Basic => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"))),
            HttpAuthenticationKind.Bearer => new AuthenticationHeaderValue("Bearer", token),
            _ => null,
        };
        return client;
    }
}

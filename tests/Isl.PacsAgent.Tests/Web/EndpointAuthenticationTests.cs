using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Isl.PacsAgent.Hosting;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Web;

/// <summary>The worklist page and API are loopback-only unless credentials are configured, and then require them.</summary>
public sealed class EndpointAuthenticationTests
{
    [Fact]
    public void BindingBeyondLoopbackWithoutAuthenticationStopsTheStart()
    {
        using var temp = new TempDirectory("isl-auth");
        var settings = AgentFixture.Settings(temp);
        settings["Http:Address"] = "0.0.0.0";
        var error = Assert.Throws<AgentConfigurationException>(() => AgentFixture.Build(settings));
        Assert.Contains(error.Errors, e => e.StartsWith("Http:Authentication is None while Address 0.0.0.0", StringComparison.Ordinal));

        settings["Http:Authentication"] = "Bearer";
        settings["Http:Token"] = "short";
        error = Assert.Throws<AgentConfigurationException>(() => AgentFixture.Build(settings));
        Assert.Contains(error.Errors, e => e.StartsWith("Http:Token must be set", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Errors, e => e.Contains("short", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    public async Task ThePageAndApiRequireTheConfiguredCredentialsAndHealthDoesNot(string kind)
    {
        using var temp = new TempDirectory("isl-auth");
        var settings = AgentFixture.Settings(temp);
        settings["Http:Authentication"] = kind;
        settings["Http:Username"] = "triage";
        settings["Http:Password"] = "s3cret-pass";
        settings["Http:Token"] = "0123456789abcdef-token";
        var good = kind == "Basic"
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("triage:s3cret-pass")))
            : new AuthenticationHeaderValue("Bearer", "0123456789abcdef-token");
        var bad = kind == "Basic"
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("triage:wrong")))
            : new AuthenticationHeaderValue("Bearer", "0123456789abcdef-tokeX");
        var app = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(new FakeScorer()));
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = AgentFixture.HttpRoot(settings) };
            foreach (var path in new[] { "", "api/worklist", "metrics" })
            {
                using var anonymous = await http.GetAsync(path);
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
                Assert.Equal(kind, anonymous.Headers.WwwAuthenticate.Single().Scheme);
                using var wrong = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = bad } };
                Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
                using var right = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = good } };
                Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

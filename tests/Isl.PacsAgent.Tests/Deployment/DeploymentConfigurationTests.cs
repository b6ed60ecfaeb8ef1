using System.Text.Json;
using Isl.PacsAgent.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Isl.PacsAgent.Tests.Deployment;

/// <summary>docker-compose.yml, orthanc-config/ and the agent's appsettings.json must describe the same deployment.</summary>
public sealed class DeploymentConfigurationTests
{
    private static readonly YamlMappingNode Compose = LoadCompose();
    private static readonly JsonElement Orthanc = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("orthanc-config", "orthanc.json"))).RootElement;
    private static readonly JsonElement AppSettings = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("src", "Isl.PacsAgent", "appsettings.json"))).RootElement;

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryRoot.Combine("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose["services"])[name];

    private static IEnumerable<string> Strings(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!);

    private static string AgentEnv(string key) => ((YamlScalarNode)((YamlMappingNode)Service("isl-agent")["environment"])["ISL_AGENT_" + key]).Value!;

    private static string AgentSetting(string section, string key) =>
        ((YamlMappingNode)Service("isl-agent")["environment"]).Children.TryGetValue(new YamlScalarNode($"ISL_AGENT_{section}__{key}"), out var value)
            ? ((YamlScalarNode)value).Value!
            : AppSettings.GetProperty(section).GetProperty(key).ToString();

    private static bool Publishes(YamlMappingNode service, int port) =>
        Strings(service["ports"]).Any(p => p.EndsWith($":{port}", StringComparison.Ordinal));

    [Fact]
    public void OrthancKnowsTheAgentAsTheComposeServiceOnItsDicomPortAndAeTitle()
    {
        var agent = Orthanc.GetProperty("DicomModalities").GetProperty("isl-agent");
        Assert.Equal(AgentSetting("Dicom", "AeTitle"), agent[0].GetString());
        Assert.True(((YamlMappingNode)Compose["services"]).Children.ContainsKey(new YamlScalarNode(agent[1].GetString()!)), $"no compose service named {agent[1]}");
        Assert.Equal(AgentSetting("Dicom", "Port"), agent[2].GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Publishes(Service("isl-agent"), agent[2].GetInt32()));
    }

    [Fact]
    public void TheAgentAcceptsOrthancsAeTitleAndDeliversToOrthancsHttpPort()
    {
        var orthancAe = Orthanc.GetProperty("DicomAet").GetString()!;
        Assert.Equal($"{orthancAe}@*", AgentEnv("Dicom__AllowedCallers__0"));
        var httpPort = Orthanc.GetProperty("HttpPort").GetInt32();
        Assert.Equal($"http://orthanc:{httpPort}/", AgentEnv("Delivery__Destinations__0__Url"));
        Assert.Equal("OrthancRest", AgentEnv("Delivery__Destinations__0__Kind"));
        Assert.True(Publishes(Service("orthanc"), httpPort));
        Assert.True(Publishes(Service("orthanc"), Orthanc.GetProperty("DicomPort").GetInt32()));
        var users = Orthanc.GetProperty("RegisteredUsers");
        Assert.Equal(users.GetProperty(AgentEnv("Delivery__Destinations__0__Username")).GetString(), AgentEnv("Delivery__Destinations__0__Password"));
    }

    [Fact]
    public void TheTriageMetadataIsDeclaredAndDicomWebIsOn()
    {
        Assert.True(Orthanc.GetProperty("UserMetadata").TryGetProperty(AgentSetting("Delivery", "PriorityMetadataName"), out _));
        Assert.True(Orthanc.GetProperty("DicomWeb").GetProperty("Enable").GetBoolean());
        Assert.Equal("8480", AgentSetting("Http", "Port"));
        Assert.True(Publishes(Service("isl-agent"), 8480));
    }

    [Fact]
    public void TheLuaScriptIsMountedWhereOrthancLoadsItAndNamesTheAgentModality()
    {
        var mounted = Strings(Service("orthanc")["volumes"]).Select(v => v.Split(':')).ToDictionary(v => v[1], v => v[0]);
        foreach (var script in Orthanc.GetProperty("LuaScripts").EnumerateArray().Select(s => s.GetString()!))
        {
            Assert.True(mounted.TryGetValue(script, out var source), $"{script} is not mounted into the orthanc service");
            var text = File.ReadAllText(RepositoryRoot.Combine(source.TrimStart('.', '/')));
            Assert.Contains("AGENT_MODALITY = 'isl-agent'", text, StringComparison.Ordinal);
            Assert.Contains("OnStableStudy", text, StringComparison.Ordinal);
        }

        Assert.Equal("./orthanc-config/orthanc.json", mounted["/etc/orthanc/orthanc.json"]);
    }
}

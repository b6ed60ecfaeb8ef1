namespace Isl.PacsAgent.Tests.Viewer;

/// <summary>
/// The prebuilt OHIF viewer (npm <c>@ohif/app@3.13.2</c>, its <c>package/dist</c>) that test.sh unpacks into
/// <c>.cache/ohif/</c> of the repository, or the folder <c>ISL_OHIF_DIST</c> names; and Debian's Chromium.
/// </summary>
public static class OhifPackage
{
    /// <summary>The OHIF version the viewer tests are written against.</summary>
    public const string Version = "3.13.2";

    /// <summary>Where Debian's <c>chromium</c> package installs the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The folder holding OHIF's <c>index.html</c>; fails with what to run when it is missing.</summary>
    public static string DistDirectory()
    {
        var dist = Environment.GetEnvironmentVariable("ISL_OHIF_DIST") is { Length: > 0 } given
            ? given
            : TestSupport.RepositoryRoot.Combine(".cache", "ohif", "package", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            throw new InvalidOperationException(
                $"The prebuilt OHIF viewer is missing at {dist}: run ./test.sh (it fetches it), or `mkdir -p .cache/ohif && cd .cache/ohif && npm pack @ohif/app@{Version} && tar xzf ohif-app-{Version}.tgz`, or set ISL_OHIF_DIST to a package/dist folder.");
        }

        return dist;
    }

    /// <summary>The Chromium executable; fails with what to install when it is missing.</summary>
    public static string Chromium()
    {
        var path = Environment.GetEnvironmentVariable("ISL_CHROMIUM") is { Length: > 0 } given ? given : ChromiumPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium is missing at {path}: run ./test.sh or `apt-get install -y chromium` (no browser is downloaded by the tests).");
        }

        return path;
    }
}

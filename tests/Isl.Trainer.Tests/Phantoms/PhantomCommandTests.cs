using System.CommandLine;
using System.Text.Json;
using Isl.Testing;
using Isl.Trainer.Cli;

namespace Isl.Trainer.Tests.Phantoms;

public sealed class PhantomCommandTests
{
    private static int Invoke(params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in PhantomCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).Invoke();
    }

    [Fact]
    public void Phantoms_writes_one_folder_per_study_with_series_and_labels()
    {
        using var output = new TempDirectory("phantom-cli");

        var exit = Invoke("phantoms", "--normal", "1", "--abnormal", "1", "--seed", "40", "--slices", "2", "--spacing", "5", "--lesion", "sdh", "--out", output.Path);

        Assert.Equal(0, exit);
        var folders = Directory.GetDirectories(output.Path).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["abnormal-000041-subdural-hematoma", "normal-000040"], folders);
        foreach (var folder in folders)
        {
            var path = Path.Combine(output.Path, folder);
            Assert.Equal(2, Directory.GetFiles(path, "*.dcm").Length);
            using var labels = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(path, "labels.json")));
            Assert.Equal(folder.StartsWith("normal", StringComparison.Ordinal), labels.RootElement.GetProperty("normal").GetBoolean());
            Assert.True(File.Exists(Path.Combine(path, "mask.u8.gz")));
        }
    }

    [Fact]
    public void Montage_renders_a_png_of_study_folders()
    {
        using var output = new TempDirectory("phantom-cli-montage");
        Assert.Equal(0, Invoke("phantoms", "--normal", "1", "--seed", "42", "--slices", "2", "--out", output.Path));
        var png = Path.Combine(output.Path, "montage.png");

        var exit = Invoke("phantoms", "montage", "--study", Path.Combine(output.Path, "normal-000042"), "--out", png);

        Assert.Equal(0, exit);
        Assert.Equal(new byte[] { 137, 80, 78, 71 }, File.ReadAllBytes(png)[..4]);
    }

    [Theory]
    [InlineData("--normal", "0")]
    [InlineData("--lesion", "bleed")]
    [InlineData("--spacing", "9")]
    public void Bad_options_fail_with_exit_code_1(string option, string value)
    {
        using var output = new TempDirectory("phantom-cli-bad");
        string[] args = option == "--normal"
            ? ["phantoms", "--normal", value, "--out", output.Path]
            : ["phantoms", "--abnormal", "1", option, value, "--slices", "1", "--out", output.Path];

        Assert.Equal(1, Invoke(args));
        Assert.Empty(Directory.GetDirectories(output.Path));
    }
}

using Isl.Testing;
using Isl.Trainer.Data;

namespace Isl.Trainer.Tests.Data;

public sealed class LabelsFileTests
{
    [Fact]
    public void ParsesGoodRowsAndReportsEveryBadOneWithItsLine()
    {
        const string text = """
            path,hemorrhage,infarct
            normal/1.png,0,0
            hemorrhage/2.png,1,0

            "odd, name.png",0,1
            short.png,1
            bad.png,yes,0
            ,0,0
            ../escape.png,0,0
            normal/1.png,1,1
            """;
        var table = LabelsFile.Parse(new StringReader(text), "/data");
        Assert.Equal(["hemorrhage", "infarct"], table.LabelNames);
        Assert.Equal(["normal/1.png", "hemorrhage/2.png", "odd, name.png"], table.Items.Select(i => i.RelativePath));
        Assert.Equal([false, true, true], table.Items.Select(i => i.IsDisorder));
        Assert.Equal("/data/hemorrhage/2.png", table.Items[1].FullPath);
        Assert.Equal(3, table.Items[1].LineNumber);
        Assert.Equal(["labels.csv:6", "labels.csv:7", "labels.csv:8", "labels.csv:9", "labels.csv:10"], table.Problems.Select(p => p.Path));
        Assert.Contains("expected 3 fields", table.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'yes'", table.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("empty", table.Problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("inside the folder", table.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("listed twice", table.Problems[4].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("file,label\na.png,0")]
    [InlineData("path\na.png")]
    [InlineData("path,x,x\na.png,0,0")]
    public void BadHeadersAreClearErrors(string text)
    {
        var ex = Assert.Throws<TrainerException>(() => LabelsFile.Parse(new StringReader(text), "/data"));
        Assert.Contains("labels.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadReportsRowsWhoseFileIsMissing()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(Path.Combine(temp.Path, "a.png"), [1]);
        File.WriteAllText(Path.Combine(temp.Path, "labels.csv"), "path,hemorrhage\r\na.png,0\r\nb.png,1\r\n");
        var table = LabelsFile.Load(Path.Combine(temp.Path, "labels.csv"));
        Assert.Equal(["a.png"], table.Items.Select(i => i.RelativePath));
        var problem = Assert.Single(table.Problems);
        Assert.Equal("b.png", problem.Path);
        Assert.Contains("not found", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheRealDevSetLabels()
    {
        var table = LabelsFile.Load(Path.Combine(SharedData.KaggleHeadCt, "labels.csv"));
        Assert.Equal(["hemorrhage"], table.LabelNames);
        Assert.Empty(table.Problems);
        Assert.Equal(60, table.Items.Count(i => !i.IsDisorder));
        Assert.Equal(20, table.Items.Count(i => i.IsDisorder));
    }
}

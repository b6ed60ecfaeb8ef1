using Isl.Dicom;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.StudyAssembly;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Isl.PacsAgent.Tests.StudyAssembly;

/// <summary>The study's one Quartz trigger: armed by the first instance, left alone by arrivals from a source with the same stable age, moved by one with another.</summary>
public sealed class StableAgeTriggerTests
{
    [Fact]
    public async Task OnlyAnInstanceWithAnotherStableAgeMovesTheStudysTrigger()
    {
        using var temp = new TempDirectory("isl-trigger");
        var builder = new CtStudyBuilder();
        var files = CtStudyBuilder.Save(builder.Series(), temp.Combine("in"));
        var app = AgentFixture.Build(AgentFixture.Settings(temp, stableAgeSeconds: 600), s => s.AddSingleton<IStudyScorer>(new FakeScorer()));
        await app.StartAsync();
        try
        {
            var ingest = app.Services.GetRequiredService<InstanceIngest>();
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var key = new TriggerKey(builder.StudyInstanceUid, StudyAssembler.Group);
            async Task<DateTimeOffset> NextFireAsync() => (await scheduler.GetTrigger(key))!.NextFireTimeUtc!.Value;
            async Task AcceptAsync(string file, TimeSpan? stableAge) =>
                Assert.Equal(IngestOutcome.Accepted, await ingest.AcceptAsync(file, DicomFile.Open(file).Dataset, stableAge, CancellationToken.None));

            await AcceptAsync(files[0], null);
            var first = await NextFireAsync();
            Assert.InRange(first - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(600));
            Assert.Equal(StudyState.Assembling, app.Services.GetRequiredService<StudyStore>().Find(builder.StudyInstanceUid)!.State);

            await Task.Delay(50);
            await AcceptAsync(files[1], null);
            Assert.Equal(first, await NextFireAsync()); // the job re-checks the age when it fires

            await AcceptAsync(files[2], TimeSpan.FromSeconds(60));
            Assert.InRange(await NextFireAsync() - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

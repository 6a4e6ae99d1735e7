using System.Text.Json;
using FormationControl.Cli.Commands.Grade;
using FormationControl.Cli.Commands.Match;
using FormationControl.Cli.Tests.Commands.Grade;

namespace FormationControl.Cli.Tests.Commands.Match;

public sealed class MatchRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-match-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "fc.db");

    [Fact]
    public async Task Matches_the_graded_cells_of_a_grade_into_modules_and_reports_each_spread()
    {
        var random = new Random(5);
        var capacities = Enumerable.Range(0, 14).Select(_ => 100.6 + (random.NextDouble() * 1.5)).ToArray();
        await GradedStore.WriteAsync(Db, "L9", 14, i => capacities[i], i => 0.0007 + (i % 5 * 0.00002), leaker: 0);
        await new GradeRun(Db, GradeRunTests.Recipe("nmc-100ah-ageing.json"), "L9", null, null, false, TimeProvider.System).RunAsync(new StringWriter(), new StringWriter(), CancellationToken.None);
        var output = new StringWriter();

        int code = await MatchRun.RunAsync(Db, "L9", 2, 3, null, json: true, output, new StringWriter());

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output.ToString());
        var grades = report.RootElement.GetProperty("grades").EnumerateArray().ToList();
        int matched = grades.Sum(g => g.GetProperty("modules").GetArrayLength() * 6 + g.GetProperty("leftover").GetArrayLength());
        Assert.Equal(13, matched); // the leaking cell 0 is rejected and not matched; every other cell placed once
        foreach (var module in grades.SelectMany(g => g.GetProperty("modules").EnumerateArray()))
        {
            Assert.Equal(6, module.GetProperty("cells").GetArrayLength());
            Assert.InRange(module.GetProperty("capacitySpreadAh").GetDouble(), 0, 1.5);
        }
    }

    [Fact]
    public async Task An_ungraded_lot_or_a_zero_module_size_exits_1()
    {
        await GradedStore.WriteAsync(Db, "L9", 2, _ => 101, _ => 0.0007);
        var error = new StringWriter();

        Assert.Equal(1, await MatchRun.RunAsync(Db, "L9", 2, 3, null, false, new StringWriter(), error));
        Assert.Equal(1, await MatchRun.RunAsync(Db, "L9", 0, 3, null, false, new StringWriter(), error));

        Assert.Contains("lot 'L9' has not been graded", error.ToString());
        Assert.Contains("--series (0)", error.ToString());
    }
}

using FormationControl.Cli.Commands.Cell;
using FormationControl.Cli.Commands.Grade;
using FormationControl.Cli.Tests.Commands.Grade;

namespace FormationControl.Cli.Tests.Commands.Cell;

public sealed class CellRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-cell-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "fc.db");

    [Fact]
    public async Task Prints_lot_channel_run_steps_ageing_grade_and_handoff()
    {
        await GradedStore.WriteAsync(Db, "L5", 3, _ => 101, _ => 0.0008);
        await new GradeRun(Db, GradeRunTests.Recipe("nmc-100ah-ageing.json"), "L5", Path.Combine(_dir, "out"), Path.Combine(_dir, "in"), false, TimeProvider.System)
            .RunAsync(new StringWriter(), new StringWriter(), CancellationToken.None);
        var output = new StringWriter();

        int code = await CellRun.RunAsync(Db, "L5-C001", json: false, output, new StringWriter());

        string text = output.ToString();
        Assert.Equal(0, code);
        Assert.StartsWith("cell L5-C001, lot L5", text, StringComparison.Ordinal);
        Assert.Contains("sim-1 channel 2, profile nmc-100ah-formation 1.0.0 (profilehash)", text);
        Assert.Contains("step 4 capacity DischargeCc", text);
        Assert.Contains("ageing ocv2 at ocv-1", text);
        Assert.Contains("grade v1 (lot grading v1): A by nmc-100ah-ageing", text);
        Assert.Contains("handoff L5/1: Delivered", text);
    }

    [Fact]
    public async Task Json_and_an_unknown_cell()
    {
        await GradedStore.WriteAsync(Db, "L5", 1, _ => 101, _ => 0.0008);
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await CellRun.RunAsync(Db, "L5-C000", json: true, output, error));
        Assert.Equal(1, await CellRun.RunAsync(Db, "NOPE", json: false, new StringWriter(), error));

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal("L5", json.RootElement.GetProperty("lots")[0].GetString());
        Assert.Contains("no cell 'NOPE'", error.ToString());
    }
}

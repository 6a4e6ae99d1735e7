using System.Text.Json;
using FormationControl.Cli.Commands.Grade;
using FormationControl.Cli.Tests.Support;

namespace FormationControl.Cli.Tests.Commands.Grade;

public sealed class GradeRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-grade-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "fc.db");

    internal static string Recipe(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "profiles", "grading", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("grading recipe not found above the test binaries", name);
    }

    [Fact]
    public async Task Grades_the_lot_reports_counts_and_outliers_and_delivers_the_handoff()
    {
        await GradedStore.WriteAsync(Db, "L7", 10, i => 101 + (i * 0.05), _ => 0.0008, leaker: 3);
        var output = new StringWriter();
        string outbox = Path.Combine(_dir, "outbox"), inbox = Path.Combine(_dir, "inbox");

        int code = await new GradeRun(Db, Recipe("nmc-100ah-ageing.json"), "L7", outbox, inbox, json: true, TimeProvider.System)
            .RunAsync(output, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("reject").GetInt32());
        Assert.Equal(9, root.GetProperty("counts").GetProperty("A").GetInt32());
        Assert.Equal("L7-C003", root.GetProperty("outliers")[0].GetProperty("barcode").GetString());
        Assert.Equal(10, root.GetProperty("statistics").GetProperty("kValue").GetProperty("count").GetInt32());
        Assert.Equal("delivered", root.GetProperty("handoff").GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(inbox, "L7.v1.handoff.json")));
        Assert.Equal(11, File.ReadAllLines(Path.Combine(inbox, "L7.v1.handoff.csv")).Length);
    }

    [Fact]
    public async Task Text_report_and_a_second_grading_make_version_two()
    {
        await GradedStore.WriteAsync(Db, "L7", 4, i => 101, _ => 0.0008);
        await new GradeRun(Db, Recipe("nmc-100ah-capacity.json"), "L7", null, null, false, TimeProvider.System).RunAsync(new StringWriter(), new StringWriter(), CancellationToken.None);
        var output = new StringWriter();

        int code = await new GradeRun(Db, Recipe("nmc-100ah-capacity.json"), "L7", null, null, false, TimeProvider.System).RunAsync(output, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.StartsWith("lot L7 grading v2: 4 cells", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_lot_missing_store_and_deliver_without_outbox_exit_1_naming_the_problem()
    {
        await GradedStore.WriteAsync(Db, "L7", 1, i => 101, _ => 0.0008);
        var error = new StringWriter();

        Assert.Equal(1, await new GradeRun(Db, Recipe("nmc-100ah-capacity.json"), "NOPE", null, null, false, TimeProvider.System).RunAsync(new StringWriter(), error, CancellationToken.None));
        Assert.Equal(1, await new GradeRun(Path.Combine(_dir, "none.db"), Recipe("nmc-100ah-capacity.json"), "L7", null, null, false, TimeProvider.System).RunAsync(new StringWriter(), error, CancellationToken.None));
        Assert.Equal(1, await new GradeRun(Db, Recipe("nmc-100ah-capacity.json"), "L7", null, "inbox", false, TimeProvider.System).RunAsync(new StringWriter(), error, CancellationToken.None));

        Assert.Contains("NOPE", error.ToString());
        Assert.Contains("none.db", error.ToString());
        Assert.Contains("--deliver-to needs --outbox", error.ToString());
    }

    [Fact]
    public async Task The_real_process_refuses_a_missing_required_option_with_exit_1()
    {
        var (exit, _, stderr) = await FcProcess.RunAsync("grade", "--db", Db, "--lot", "L7");

        Assert.Equal(1, exit);
        Assert.Contains("--recipe", stderr);
    }
}

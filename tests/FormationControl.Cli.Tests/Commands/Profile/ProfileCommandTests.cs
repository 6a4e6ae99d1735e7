using System.CommandLine;
using FormationControl.Cli.Commands.Profile;

namespace FormationControl.Cli.Tests.Commands.Profile;

/// <summary>
/// <c>fc profile validate</c> and <c>fc profile show</c> on real files: the shipped samples and broken copies written
/// to a temporary folder, through the command tree and through the logic classes.
/// </summary>
public sealed class ProfileCommandTests : IDisposable
{
    private static readonly string Profiles = FindProfilesFolder();
    private readonly string _folder = Directory.CreateTempSubdirectory("fc-profile-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string FindProfilesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "profiles");
            if (File.Exists(Path.Combine(candidate, "nmc-100ah-formation.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("the repository's profiles/ folder was not found above " + AppContext.BaseDirectory);
    }

    private string Broken(string sample, string from, string to)
    {
        string text = File.ReadAllText(Path.Combine(Profiles, sample));
        Assert.Contains(from, text, StringComparison.Ordinal);
        string path = Path.Combine(_folder, sample);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        return path;
    }

    private static (int Exit, string Out, string Err) Validate(params string[] files)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        int exit = ProfileValidation.Run(files, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Every_sample_validates_with_exit_0_and_a_line_each()
    {
        string[] samples = [.. Directory.EnumerateFiles(Profiles, "*.json").Order(StringComparer.Ordinal)];
        var (exit, output, errors) = Validate(samples);
        Assert.Equal((ExitCodes.Success, string.Empty), (exit, errors));
        Assert.Equal(samples.Length, Lines(output).Length);
        Assert.All(Lines(output), line => Assert.Matches(@": ok: \S+ \S+ sha256:[0-9a-f]{64} \(\d+ steps\)$", line));
    }

    [Fact]
    public void A_broken_file_gives_exit_1_and_one_error_line_each_at_the_right_place()
    {
        string path = Broken("nmc-100ah-formation.json", "\"type\": \"chargeCccv\",\n      \"current\": \"C/10\"", "\"type\": \"chargeCCCV\",\n      \"current\": \"C/10 A\"");
        var (exit, output, errors) = Validate(Path.Combine(Profiles, "nmc-100ah-capacity-test.json"), path);
        Assert.Equal(ExitCodes.UsageOrValidation, exit);
        string text = File.ReadAllText(path);
        int line = text[..text.IndexOf("chargeCCCV", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(
            [
                $"{path}:{line}:15: $.steps[1].type: unknown step type 'chargeCCCV'; did you mean 'chargeCccv'?",
            ],
            Lines(errors));
        Assert.Contains("nmc-100ah-capacity-test.json: ok:", output, StringComparison.Ordinal);
        Assert.EndsWith("1 of 2 file(s) invalid, 1 problem(s)", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_in_several_files_all_come_out_in_one_run()
    {
        string lfp = Broken("lfp-280ah-formation.json", "\"Discharge at C/5 until 2.5 V\"", "\"Discharge at C/5 untill 2.5 V\"");
        string hppc = Broken("nmc-100ah-hppc.json", "\"goto\": \"done\"", "\"goto\": \"dne\"");
        File.Copy(Path.Combine(Profiles, "cells", "nmc-100ah.json"), Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "cells")).FullName, "nmc-100ah.json"));
        File.Copy(Path.Combine(Profiles, "cells", "lfp-280ah.json"), Path.Combine(_folder, "cells", "lfp-280ah.json"));
        var (exit, _, errors) = Validate(lfp, hppc);
        Assert.Equal(ExitCodes.UsageOrValidation, exit);
        string[] lines = Lines(errors);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"lfp-280ah-formation\.json:\d+:\d+: \$\.steps\[4\]\.steps\[0\]\.step: step string ""Discharge at C/5 untill 2\.5 V"": unexpected 'untill'; did you mean 'until'\?", lines[0]);
        Assert.Matches(@"nmc-100ah-hppc\.json:\d+:\d+: \$\.steps\[2\]\.steps\[0\]\.limits\[1\]\.goto: no step is labelled 'dne'; did you mean 'done'\?", lines[1]);
    }

    [Fact]
    public void A_missing_file_and_a_syntax_error_are_reported_as_errors_too()
    {
        string syntax = Path.Combine(_folder, "syntax.json");
        File.WriteAllText(syntax, "{\n  \"name\": \"x\",\n  \"version\": \"1\"\n  \"cell\": {}\n}\n");
        string missing = Path.Combine(_folder, "missing.json");
        var (exit, _, errors) = Validate(syntax, missing);
        Assert.Equal(ExitCodes.UsageOrValidation, exit);
        string[] lines = Lines(errors);
        Assert.StartsWith($"{syntax}:4:3: $: invalid JSON", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{missing}:1:1: $: cannot read the file", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_name_version_hash_and_the_resolved_step_table()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        int exit = ProfileShow.Run(Path.Combine(Profiles, "nmc-100ah-hppc.json"), output, errors);
        Assert.Equal((ExitCodes.Success, string.Empty), (exit, errors.ToString()));
        string[] lines = Lines(output.ToString());
        Assert.Equal("nmc-100ah-hppc 1.0.0", lines[0]);
        Assert.Matches("^sha256  [0-9a-f]{64}$", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("cell    NMC, 100 Ah, 3.65 V nominal, 2.5 V to 4.2 V", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^0\s+full\s+chargeCccv\s+I 33\.333 A, V 4\.2 V\s+\|I\| <= 5 A -> next; t >= 6 h -> fault$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^2\s+soc-sweep\s+loop\s+repeat #3\.\.#5 until V <= 3\.3 V, at most 10 passes$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^5\s+dcir\s+  pulse\s+-100 A 10 s, 0 A 40 s, \+75 A 10 s, \(log every 0\.1 s\)\s+V <= 2\.7 V -> fault; V >= 4\.2 V -> fault; after the last level -> next$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^3\s+step-down\s+  dischargeCc\s+I 33\.333 A\s+Ah >= 10 Ah -> next; V <= 3\.3 V -> goto 'done'; t >= 1 h -> fault$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^6\s+loopEnd\s+back to #3 or on$"));
    }

    [Fact]
    public void Show_of_a_broken_file_prints_its_errors_and_exits_1()
    {
        string path = Broken("nmc-100ah-formation.json", "\"voltage\": \"<= 3.0 V\"", "\"voltage\": \"<= 3.0 A\"");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(ExitCodes.UsageOrValidation, ProfileShow.Run(path, output, errors));
        Assert.Equal(string.Empty, output.ToString());
        Assert.All(Lines(errors.ToString()), l => Assert.Contains("is a current", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Command_tree_parses_validate_and_show_and_refuses_no_files()
    {
        var root = new RootCommand { ProfileCommand.Create() };
        Assert.Empty(root.Parse(["profile", "validate", "a.json", "b.json"]).Errors);
        Assert.Empty(root.Parse(["profile", "show", "a.json"]).Errors);
        Assert.NotEmpty(root.Parse(["profile", "validate"]).Errors);
        Assert.NotEmpty(root.Parse(["profile", "show"]).Errors);
    }

    [Fact]
    public async Task Command_tree_runs_validate_and_show_with_their_exit_codes_and_output()
    {
        var root = new RootCommand { ProfileCommand.Create() };
        string path = Broken("nmc-100ah-formation.json", "\"label\": \"rest-4\"", "\"label\": \"rest-3\"");
        var (output, errors) = (new StringWriter(), new StringWriter());
        var config = new InvocationConfiguration { Output = output, Error = errors };
        int exit = await root.Parse(["profile", "validate", Path.Combine(Profiles, "nmc-100ah-formation.json"), path]).InvokeAsync(config).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.UsageOrValidation, exit);
        Assert.Contains("nmc-100ah-formation.json: ok:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("$.steps[8].label: duplicate label 'rest-3'", errors.ToString(), StringComparison.Ordinal);

        var shown = new StringWriter();
        exit = await root.Parse(["profile", "show", Path.Combine(Profiles, "nmc-100ah-formation.json")]).InvokeAsync(new InvocationConfiguration { Output = shown }).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("nmc-100ah-formation 1.0.0", shown.ToString(), StringComparison.Ordinal);
    }
}

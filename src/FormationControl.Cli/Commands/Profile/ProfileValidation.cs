using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Commands.Profile;

/// <summary>What <c>fc profile validate</c> does, with its output streams passed in.</summary>
public static class ProfileValidation
{
    /// <summary>
    /// Loads every file; writes each problem as <c>file:line:column: path: message</c> to <paramref name="errors"/> and
    /// each valid file as <c>file: ok: name version sha256:hash</c> to <paramref name="output"/>.
    /// </summary>
    /// <returns><see cref="ExitCodes.Success"/> when all files are valid, else <see cref="ExitCodes.UsageOrValidation"/>.</returns>
    public static int Run(IReadOnlyList<string> files, TextWriter output, TextWriter errors)
    {
        if (files.Count == 0)
        {
            errors.WriteLine("fc profile validate: give at least one profile file");
            return ExitCodes.UsageOrValidation;
        }

        int invalid = 0;
        int problems = 0;
        foreach (string file in files)
        {
            var result = ProfileLoader.LoadFile(file);
            if (result.Succeeded)
            {
                var p = result.Profile;
                output.WriteLine($"{file}: ok: {p.Name} {p.Version} sha256:{p.Hash} ({p.Steps.Count(s => !s.IsControl)} steps)");
                continue;
            }

            invalid++;
            problems += result.Diagnostics.Count;
            foreach (var diagnostic in result.Diagnostics)
            {
                errors.WriteLine(diagnostic.ToString());
            }
        }

        if (invalid > 0)
        {
            output.WriteLine($"{invalid} of {files.Count} file(s) invalid, {problems} problem(s)");
        }

        return invalid == 0 ? ExitCodes.Success : ExitCodes.UsageOrValidation;
    }
}

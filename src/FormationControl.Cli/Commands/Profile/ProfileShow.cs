using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Commands.Profile;

/// <summary>What <c>fc profile show</c> does, with its output streams passed in.</summary>
public static class ProfileShow
{
    /// <summary>Writes the resolved profile to <paramref name="output"/>; an invalid file's problems go to <paramref name="errors"/> as validate writes them.</summary>
    public static int Run(string file, TextWriter output, TextWriter errors)
    {
        var result = ProfileLoader.LoadFile(file);
        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                errors.WriteLine(diagnostic.ToString());
            }

            return ExitCodes.UsageOrValidation;
        }

        ProfileTable.Write(result.Profile, output);
        return ExitCodes.Success;
    }
}

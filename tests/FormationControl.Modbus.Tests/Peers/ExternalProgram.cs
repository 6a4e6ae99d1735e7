namespace FormationControl.Modbus.Tests.Peers;

/// <summary>Finds an installed peer program; a missing one fails the test with its name and how to install it.</summary>
internal static class ExternalProgram
{
    public static string Find(string name, string preferredPath, string installHint)
    {
        if (File.Exists(preferredPath))
        {
            return preferredPath;
        }

        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, name);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"Test peer '{name}' not found (looked at {preferredPath} and on PATH). Install it: {installHint}");
        return "";
    }
}

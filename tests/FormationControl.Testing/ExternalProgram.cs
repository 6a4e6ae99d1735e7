using System.Diagnostics;

namespace FormationControl.Testing;

/// <summary>
/// Independent programs the tests talk to (socat, mbpoll, …). A missing one fails the test with its name and how to
/// install it; it is never skipped.
/// </summary>
public static class ExternalProgram
{
    /// <summary>How long any wait on a peer may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

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

    /// <summary>Runs a program to its end (bounded) and returns its exit code and output; killed by its process id if it overruns.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(Patience);
            return (process.ExitCode, await stdout.WaitAsync(Patience), await stderr.WaitAsync(Patience));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}

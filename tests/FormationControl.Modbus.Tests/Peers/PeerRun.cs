using System.Diagnostics;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Peers;

/// <summary>Runs an independent Modbus client (libmodbus_client, mbpoll) once and captures what it printed.</summary>
internal static class PeerRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The output line that starts with <paramref name="prefix"/>, e.g. "rh 0:".</summary>
        public string Line(string prefix) =>
            Stdout.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.TrimEnd()
            ?? throw new Xunit.Sdk.XunitException($"No line starting with '{prefix}' in:\n{this}");

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static async Task<Result> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().Within();
            return new Result(process.ExitCode, await stdout.Within(), await stderr.Within());
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

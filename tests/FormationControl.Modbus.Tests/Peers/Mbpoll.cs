using System.Diagnostics;
using System.Text.RegularExpressions;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Peers;

/// <summary>Runs mbpoll (libmodbus-based command-line master) once and captures what it printed.</summary>
internal static partial class Mbpoll
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The "[reference]: value" lines mbpoll prints for a read.</summary>
        public IReadOnlyDictionary<int, int> Values =>
            ValueLine().Matches(Stdout).ToDictionary(m => int.Parse(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value));

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>Runs <c>mbpoll -m tcp -p PORT ARGS</c> against 127.0.0.1 (arguments after the host are values to write).</summary>
    public static Task<Result> RunAsync(int port, string[] options, params string[] writeValues) =>
        RunAsync(["-m", "tcp", "-p", port.ToString(), "-o", "2", .. options, "127.0.0.1", .. writeValues]);

    /// <summary>Runs <c>mbpoll -m rtu -b BAUD -P PARITY ARGS DEVICE</c> (arguments after the device are values to write).</summary>
    public static Task<Result> RunRtuAsync(string device, int baudRate, string parity, string[] options, params string[] writeValues) =>
        RunAsync(["-m", "rtu", "-b", baudRate.ToString(), "-P", parity, "-o", "2", .. options, device, .. writeValues]);

    private static async Task<Result> RunAsync(string[] arguments)
    {
        string mbpoll = ExternalProgram.Find("mbpoll", "/usr/bin/mbpoll", "apt-get install -y mbpoll");
        var start = new ProcessStartInfo(mbpoll)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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

    [GeneratedRegex(@"^\[(\d+)\]:\s+(-?\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}

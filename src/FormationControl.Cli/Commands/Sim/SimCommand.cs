using System.CommandLine;
using FormationControl.Cli.Console;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Simulator.Faults;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Commands.Sim;

/// <summary>
/// <c>fc sim</c>: simulated formation cycler units (and an OCV/ACIR meter) that behave like hardware, served over
/// Modbus TCP and/or RTU until SIGINT or SIGTERM. The first output line is where it listens. See docs/simulator.md.
/// </summary>
public static class SimCommand
{
    public static Command Create()
    {
        var tcp = new Option<string?>("--tcp") { Description = "HOST:PORT to serve Modbus TCP on (port 0 picks a free one); all units behind it by unit id." };
        var portPerUnit = new Option<bool>("--port-per-unit") { Description = "One TCP port per unit: unit u on PORT + u - 1 (or free ports with port 0)." };
        var rtu = new Option<string?>("--rtu") { Description = "Serial device to serve Modbus RTU on; all units share the line by unit id." };
        var baud = new Option<int>("--baud") { Description = "RTU baud rate.", DefaultValueFactory = _ => 19200 };
        var parity = new Option<string>("--parity") { Description = "RTU parity: none, even (the Modbus default) or odd.", DefaultValueFactory = _ => "even" };
        var units = new Option<int>("--units") { Description = "Number of units (unit ids 1 to U).", DefaultValueFactory = _ => 1 };
        var channels = new Option<int>("--channels") { Description = "Channels per unit (1 to 256).", DefaultValueFactory = _ => 64 };
        var chemistry = new Option<string>("--chemistry") { Description = "Cell chemistry: nmc or lfp.", DefaultValueFactory = _ => "nmc" };
        var capacity = new Option<double?>("--capacity") { Description = "Nominal capacity in Ah (default 100 for NMC, 280 for LFP); resistances and heat scale with it." };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per real second.", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the cell population, the measurement noise and the random faults.", DefaultValueFactory = _ => 1 };
        var truth = new Option<string?>("--truth") { Description = "Write every cell's ground truth (capacity, R0, R1, R2, taus, self-discharge, defect) to this JSON file." };
        var meter = new Option<string?>("--meter") { Description = "Serial device to serve the simulated OCV/ACIR meter (SCPI) on." };
        var meterBaud = new Option<int>("--meter-baud") { Description = "Meter baud rate.", DefaultValueFactory = _ => 9600 };
        var faults = new Option<string?>("--faults") { Description = "Faults to inject, e.g. \"drop:unit=2,p=0.1; heat:unit=1,ch=0,w=50,at=1h,for=10m\" (see docs/simulator.md)." };
        var defects = new Option<string>("--defects") { Description = "Defect rates, e.g. micro-short=0.5%,dead=0.1%; 'none' for none.", DefaultValueFactory = _ => "micro-short=0.5%,high-resistance=0.5%,dead=0.1%,poor-contact=0.3%" };
        var noise = new Option<string>("--noise") { Description = "Measurement noise and 16-bit quantisation: on or off.", DefaultValueFactory = _ => "on" };
        var ambient = new Option<double>("--ambient") { Description = "Ambient (chamber) temperature in degC.", DefaultValueFactory = _ => 25.0 };
        var initialSoc = new Option<double>("--initial-soc") { Description = "Initial SOC of the cells (0: fresh, unformed cells; above 0: formed cells).", DefaultValueFactory = _ => 0.0 };
        var map = new Option<string?>("--map") { Description = "Register map file (default: the embedded sim-cycler-v1)." };

        var command = new Command("sim", "Simulate formation cycler units (and an OCV/ACIR meter) over Modbus TCP/RTU until SIGINT or SIGTERM.");
        foreach (Option option in (Option[])[tcp, portPerUnit, rtu, baud, parity, units, channels, chemistry, capacity, speed, seed, truth, meter, meterBaud, faults, defects, noise, ambient, initialSoc, map])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ParseResult result, CancellationToken ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var raw = new SimOptionValues(
                result.GetValue(tcp), result.GetValue(portPerUnit), result.GetValue(rtu), result.GetValue(baud), result.GetValue(parity)!,
                result.GetValue(units), result.GetValue(channels), result.GetValue(chemistry)!, result.GetValue(capacity), result.GetValue(speed),
                result.GetValue(seed), result.GetValue(truth), result.GetValue(meter), result.GetValue(meterBaud), result.GetValue(faults),
                result.GetValue(defects)!, result.GetValue(noise)!, result.GetValue(ambient), result.GetValue(initialSoc), result.GetValue(map));
            if (!SimSettings.TryCreate(raw, out var settings, out string problem))
            {
                await error.WriteLineAsync($"fc: {problem}").ConfigureAwait(false);
                return ExitCodes.UsageOrValidation;
            }

            using var shutdown = new ShutdownSignal(ct);
            return await RunAsync(settings, output, error, shutdown.Token).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(SimSettings settings, TextWriter output, TextWriter error, CancellationToken stop)
    {
        SimBuild build;
        FaultPlan plan;
        try
        {
            build = new SimBuild(settings);
            plan = new FaultPlan(build.Clock, build.Units, settings.Seed);
            plan.AddRange(settings.Faults);
        }
        catch (RegisterMapException e)
        {
            await error.WriteLineAsync($"fc: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrValidation;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"fc: --faults: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrValidation;
        }

        var host = new SimHost(build, plan, output);
        try
        {
            await host.StartAsync().ConfigureAwait(false);
            if (settings.TruthFile is { } truthFile)
            {
                GroundTruthFile.Write(truthFile, build.TruthHeader, build.Units);
                await output.WriteLineAsync($"truth {Path.GetFullPath(truthFile)}").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await host.StopAsync().ConfigureAwait(false);
            await error.WriteLineAsync($"fc: {e.Message}").ConfigureAwait(false);
            return ExitCodes.DeviceOrIo;
        }

        if (settings.RtuDevice is not null && plan.Faults.Any(f => f is DelayResponses or CorruptResponses))
        {
            await error.WriteLineAsync("fc: note: delay and corrupt faults apply to Modbus TCP only; on the RTU line only drop and link-down act").ConfigureAwait(false);
        }

        await output.WriteLineAsync(Summary(settings, plan)).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await host.StopAsync().ConfigureAwait(false);
        await output.WriteLineAsync("stopped").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string Summary(SimSettings s, FaultPlan plan) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"simulating {s.Units} x {s.Channels} channels, {s.Chemistry.Ocv.Name} {s.CapacityAh} Ah, seed {s.Seed}, speed {s.Speed}x, noise {(s.Noise ? "on" : "off")}, defects {DescribeDefects(s.Defects)}, {plan.Faults.Count} fault(s) (Ctrl+C to stop)");

    private static string DescribeDefects(DefectRates d) =>
        d.Total == 0 ? "none" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Total:P2}");
}

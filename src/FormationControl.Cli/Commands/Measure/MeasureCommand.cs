using System.CommandLine;
using System.IO.Ports;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Cli.Commands.Measure;

/// <summary>
/// <c>fc measure --meter DEVICE --cells TRAY.csv --session NAME [--db PATH] [--station NAME] [--baud 9600]
/// [--parity none|even|odd] [--temperature 25] [--channel-offset N] [--temperature-coefficient 0.3]
/// [--reference-temperature 25] [--timeout 1000] [--json]</c>: one OCV/ACIR ageing session.
/// </summary>
public static class MeasureCommand
{
    public static Command Create()
    {
        var meter = new Option<string>("--meter") { Description = "Serial device of the OCV/ACIR meter, e.g. /dev/ttyUSB0.", Required = true };
        var cells = new Option<string>("--cells") { Description = "Tray file: CSV lines position,barcode; position N is measured on multiplexer channel N + --channel-offset.", Required = true };
        var session = new Option<string>("--session") { Description = "Name of the ageing session, e.g. ocv1 or ocv2.", Required = true };
        var db = new Option<string>("--db") { Description = "The store file (created if missing).", DefaultValueFactory = _ => "formation.db" };
        var station = new Option<string?>("--station") { Description = "Station name to record (default: the meter's model and serial number)." };
        var baud = new Option<int>("--baud") { Description = "Line speed of the meter in baud.", DefaultValueFactory = _ => 9600 };
        var parity = new Option<string>("--parity") { Description = "Parity of the meter's line: none, even or odd.", DefaultValueFactory = _ => "none" };
        var temperature = new Option<double>("--temperature")
        {
            Description = "Cell temperature in degC recorded with every measurement. The meter has no thermometer: give the room's or a probe's reading.",
            DefaultValueFactory = _ => 25,
        };
        var offset = new Option<int>("--channel-offset") { Description = "Added to the tray position to give the multiplexer channel.", DefaultValueFactory = _ => 0 };
        var coefficient = new Option<double>("--temperature-coefficient")
        {
            Description = "OCV change per kelvin in mV/K, to bring both sessions to --reference-temperature for K (0: no compensation).",
            DefaultValueFactory = _ => 0.3,
        };
        var reference = new Option<double>("--reference-temperature") { Description = "Reference temperature of K in degC.", DefaultValueFactory = _ => 25 };
        var timeout = new Option<int>("--timeout") { Description = "Milliseconds the meter may take to answer one query.", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        parity.AcceptOnlyFromAmong("none", "even", "odd");
        baud.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 50 or > 4_000_000)
            {
                r.AddError("--baud must be from 50 to 4000000.");
            }
        });
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 10 or > 60_000)
            {
                r.AddError("--timeout must be from 10 to 60000 ms.");
            }
        });
        var command = new Command(
            "measure",
            "Measure OCV and 1 kHz ACIR of every cell of a tray through the meter's multiplexer as one ageing session; store it and print each cell's K against its earlier session. Exit 0 all measured, 1 bad input, 2 meter unreachable, 3 some cells failed or open.")
        {
            meter, cells, session, db, station, baud, parity, temperature, offset, coefficient, reference, timeout, json,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var settings = new MeasureSettings
            {
                Meter = r.GetValue(meter)!,
                Line = new SerialLineSettings(r.GetValue(baud), r.GetValue(parity) switch { "even" => Parity.Even, "odd" => Parity.Odd, _ => Parity.None }),
                TrayFile = r.GetValue(cells)!,
                Session = r.GetValue(session)!,
                Db = r.GetValue(db)!,
                Station = r.GetValue(station),
                TemperatureC = r.GetValue(temperature),
                ChannelOffset = r.GetValue(offset),
                TemperatureCoefficientVPerK = r.GetValue(coefficient) / 1000,
                ReferenceTemperatureC = r.GetValue(reference),
                ResponseTimeout = TimeSpan.FromMilliseconds(r.GetValue(timeout)),
                Json = r.GetValue(json),
            };
            return new MeasureRun(settings, TimeProvider.System).RunAsync(r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct);
        });
        return command;
    }
}

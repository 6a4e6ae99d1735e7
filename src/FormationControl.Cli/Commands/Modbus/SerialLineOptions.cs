using System.CommandLine;
using System.IO.Ports;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>The character format of an RTU line: <c>--baud</c>, <c>--parity</c>, <c>--stop</c> (8 data bits always).</summary>
public sealed class SerialLineOptions
{
    public Option<int> Baud { get; } = new("--baud") { Description = "RTU line speed in baud.", DefaultValueFactory = _ => 19200 };

    public Option<string> Parity { get; } = new("--parity") { Description = "RTU parity: none, even (the Modbus default) or odd.", DefaultValueFactory = _ => "even" };

    public Option<int> Stop { get; } = new("--stop") { Description = "RTU stop bits: 1 or 2.", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        Parity.AcceptOnlyFromAmong("none", "even", "odd");
        Baud.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 50 or > 4_000_000)
            {
                r.AddError("--baud must be from 50 to 4000000.");
            }
        });
        Stop.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is not (1 or 2))
            {
                r.AddError("--stop must be 1 or 2.");
            }
        });
        command.Options.Add(Baud);
        command.Options.Add(Parity);
        command.Options.Add(Stop);
    }

    public SerialLineSettings ToSettings(ParseResult result) => new(
        result.GetValue(Baud),
        result.GetValue(Parity) switch { "none" => System.IO.Ports.Parity.None, "odd" => System.IO.Ports.Parity.Odd, _ => System.IO.Ports.Parity.Even },
        result.GetValue(Stop) == 2 ? StopBits.Two : StopBits.One);
}

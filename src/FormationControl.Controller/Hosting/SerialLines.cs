using System.IO.Ports;
using FormationControl.Controller.Configuration;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Controller.Hosting;

/// <summary>Groups serial units by line (one device, one master) and checks the line settings they share.</summary>
internal static class SerialLines
{
    /// <summary>The units of each serial device, in configuration order, or a problem naming the units that disagree.</summary>
    public static (IReadOnlyList<(SerialTransport Line, IReadOnlyList<UnitConfig> Units)> Lines, IReadOnlyList<string> Problems) Group(IEnumerable<UnitConfig> units)
    {
        var lines = new List<(SerialTransport, IReadOnlyList<UnitConfig>)>();
        var problems = new List<string>();
        foreach (var group in units.Where(u => u.Transport is SerialTransport).GroupBy(u => ((SerialTransport)u.Transport).Device, StringComparer.Ordinal))
        {
            var first = (SerialTransport)group.First().Transport;
            if (group.FirstOrDefault(u => (SerialTransport)u.Transport != first) is { } other)
            {
                problems.Add($"units {group.First().Name} and {other.Name} share serial device {first.Device} with different line settings ({first} and {other.Transport}); one line has one setting");
                continue;
            }

            if (first.DataBits != 8)
            {
                problems.Add($"unit {group.First().Name} at {first}: Modbus RTU needs 8 data bits, not {first.DataBits}");
                continue;
            }

            lines.Add((first, [.. group]));
        }

        return (lines, problems);
    }

    /// <summary>The master's view of a configured line.</summary>
    public static SerialLineSettings Settings(SerialTransport line) => new(
        line.BaudRate,
        line.Parity switch { "even" => Parity.Even, "odd" => Parity.Odd, _ => Parity.None },
        line.StopBits == 2 ? StopBits.Two : StopBits.One);
}

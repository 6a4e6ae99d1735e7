using System.IO.Ports;
using System.Text;
using FormationControl.Simulator.Meter;

namespace FormationControl.Cli.Tests.Commands.Measure;

/// <summary>
/// Serves the simulated meter on the bench's line for <c>readings</c> cells; when the next cell's channel is selected
/// it kills socat: the line vanishes mid-session, as when the meter's USB adapter is pulled.
/// </summary>
internal sealed class VanishingMeterLine : IAsyncDisposable
{
    private readonly SerialPort _port;
    private readonly Task _serving;

    public VanishingMeterLine(MeterBench bench, int readings)
    {
        _port = new SerialPort(bench.Line.PortA) { BaudRate = 9600, Parity = Parity.None, DataBits = 8, Handshake = Handshake.None };
        _port.Open();
        _serving = ServeAsync(bench, readings);
    }

    /// <summary>Completes once the line was cut.</summary>
    public Task Cut => _serving;

    public async ValueTask DisposeAsync()
    {
        await Task.Run(_port.Dispose).WaitAsync(ExternalProgram.Patience);
    }

    private async Task ServeAsync(MeterBench bench, int readings)
    {
        var stream = _port.BaseStream;
        var line = new StringBuilder();
        byte[] buffer = new byte[256];
        int selected = 0;
        while (selected <= readings)
        {
            int n = await stream.ReadAsync(buffer);
            for (int i = 0; i < n && selected <= readings; i++)
            {
                char c = (char)buffer[i];
                if (c is not ('\r' or '\n'))
                {
                    line.Append(c);
                    continue;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                string command = line.ToString();
                line.Clear();
                // fc selects the next channel only once the previous reading is in its hands.
                if (command.StartsWith("ROUT:CLOS (@", StringComparison.Ordinal) && ++selected > readings)
                {
                    break;
                }

                if (bench.Meter.Execute(command) is { } answer)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer + "\r\n"));
                    await stream.FlushAsync();
                }
            }
        }

        await bench.Line.KillAsync();
    }
}

using System.IO.Ports;
using System.Text;
using FormationControl.Simulator.Meter;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Meter;

/// <summary>The meter on a real serial line: a socat pty pair, the server on one end, a plain SerialPort on the other.</summary>
public sealed class MeterSerialServerTests : IAsyncLifetime
{
    private readonly SimulatedUnits _sim = new(units: 1, channels: 4);
    private SocatPair _line = null!;
    private MeterSerialServer _server = null!;
    private SerialPort _client = null!;

    public async Task InitializeAsync()
    {
        _line = await SocatPair.StartAsync();
        _server = new MeterSerialServer(new SimulatedMeter(_sim.Units));
        _server.Start(_line.PortA, 9600);
        _client = new SerialPort(_line.PortB) { BaudRate = 9600, Parity = Parity.None, DataBits = 8, StopBits = StopBits.One, Handshake = Handshake.None };
        _client.Open();
    }

    public async Task DisposeAsync()
    {
        await Task.Run(_client.Dispose).Within();
        await _server.DisposeAsync();
        await _line.DisposeAsync();
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task Answers_a_line_ended_by_cr_lf_or_either(string terminator)
    {
        Assert.Equal("FormationControl,SIM-OCVIR-1,000001,1.0", await AskAsync("*IDN?" + terminator));
    }

    [Fact]
    public async Task Selects_a_channel_and_reads_it_over_the_line()
    {
        await SendAsync("ROUT:CLOS (@3)\r\n");
        string reading = await AskAsync("READ?\r\n");
        var parts = reading.Split(',');
        double r = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_sim.Units[0].ReadChannelState(2).R0Ohm, r, 2e-5);
        await SendAsync("BOGUS\r\n");
        Assert.Equal("-113,\"Undefined header\"", await AskAsync("SYST:ERR?\r\n"));
        Assert.True(_server.LinesHandled >= 3);
    }

    private async Task SendAsync(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        await _client.BaseStream.WriteAsync(bytes).AsTask().Within();
    }

    private async Task<string> AskAsync(string text)
    {
        await SendAsync(text);
        var line = new StringBuilder();
        byte[] one = new byte[64];
        while (true)
        {
            int n = await _client.BaseStream.ReadAsync(one).AsTask().Within();
            line.Append(Encoding.ASCII.GetString(one, 0, n));
            string s = line.ToString();
            if (s.EndsWith("\r\n", StringComparison.Ordinal))
            {
                return s[..^2];
            }
        }
    }
}

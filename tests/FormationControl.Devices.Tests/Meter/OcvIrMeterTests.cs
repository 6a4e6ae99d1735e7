using System.IO.Ports;
using FormationControl.Devices.Meter;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Rtu;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Meter;
using FormationControl.Simulator.Population;

namespace FormationControl.Devices.Tests.Meter;

/// <summary>The driver on a real serial line (a socat pty pair) against the simulated meter measuring simulated cells.</summary>
public sealed class OcvIrMeterTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private SimulatedCyclerUnit _unit = null!;
    private SocatPair _line = null!;
    private MeterSerialServer _server = null!;
    private IMeterLink _link = null!;
    private OcvIrMeter _meter = null!;

    public async Task InitializeAsync()
    {
        var map = RegisterMapLoader.Load(RepositoryFiles.Path("profiles", "devices", "sim-cycler-v1.json"));
        var population = new CellPopulation(8, 100, 5);
        _unit = new SimulatedCyclerUnit(map, 1, population.Cells, TimeProvider.System);
        _line = await SocatPair.StartAsync();
        _server = new MeterSerialServer(new SimulatedMeter([_unit]));
        _server.Start(_line.PortA, 19200, Parity.Even);
        _link = SerialMeterLink.Open(_line.PortB, new SerialLineSettings(19200, Parity.Even));
        _meter = new OcvIrMeter(_link, new OcvIrMeterOptions { SettleTime = TimeSpan.Zero, ResponseTimeout = TimeSpan.FromMilliseconds(500) });
    }

    public async Task DisposeAsync()
    {
        await _link.DisposeAsync();
        await _server.DisposeAsync();
        await _line.DisposeAsync();
    }

    [Fact]
    public async Task Identifies_the_meter()
    {
        Assert.Equal("FormationControl,SIM-OCVIR-1,000001,1.0", await _meter.IdentifyAsync().WaitAsync(Limit));
    }

    [Fact]
    public async Task Measures_each_cell_through_the_multiplexer_close_to_its_true_resistance_and_voltage()
    {
        for (int channel = 1; channel <= _unit.ChannelCount; channel++)
        {
            var reading = await _meter.MeasureAsync(channel).WaitAsync(Limit);
            var truth = _unit.ReadChannelState(channel - 1);
            Assert.Equal(truth.R0Ohm, reading.AcResistanceOhm, truth.R0Ohm * 0.01);
            Assert.Equal(truth.RelaxingVoltageV, reading.VoltageV, 0.0005);
        }
    }

    [Fact]
    public async Task A_channel_the_multiplexer_does_not_have_is_refused_with_the_meters_own_error()
    {
        var refused = await Assert.ThrowsAsync<MeterException>(() => _meter.MeasureAsync(99).WaitAsync(Limit));
        Assert.Equal(-222, refused.ErrorCode);
        Assert.Contains(_line.PortB, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Data out of range; channels are 1 to 8", refused.Message, StringComparison.Ordinal);

        // The line is still in step: the next channel reads normally.
        Assert.False((await _meter.MeasureAsync(2).WaitAsync(Limit)).IsOpenCircuit);
    }

    [Fact]
    public async Task A_meter_that_went_silent_times_out_naming_the_device_and_the_query()
    {
        await _server.StopAsync();
        var silent = await Assert.ThrowsAsync<TimeoutException>(() => _meter.IdentifyAsync().WaitAsync(Limit));
        Assert.Contains($"Meter on {_line.PortB} did not answer '*IDN?'", silent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vanished_line_is_an_io_error_naming_the_device_and_never_a_hang()
    {
        await _line.KillAsync();
        var gone = await Assert.ThrowsAnyAsync<Exception>(() => _meter.MeasureAsync(1).WaitAsync(Limit));
        Assert.True(gone is IOException or TimeoutException, gone.ToString());
        Assert.Contains(_line.PortB, gone.Message, StringComparison.Ordinal);
        await _link.DisposeAsync().AsTask().WaitAsync(Limit);
    }
}

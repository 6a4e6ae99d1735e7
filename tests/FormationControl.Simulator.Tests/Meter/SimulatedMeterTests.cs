using System.Globalization;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Meter;
using FormationControl.Simulator.Population;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Meter;

public sealed class SimulatedMeterTests
{
    private readonly SimulatedUnits _sim = new(units: 2, channels: 3);

    [Fact]
    public void Identifies_itself()
    {
        var meter = new SimulatedMeter(_sim.Units);
        Assert.Equal("FormationControl,SIM-OCVIR-1,000001,1.0", meter.Execute("*IDN?"));
        Assert.Equal(6, meter.ChannelCount);
    }

    [Fact]
    public void Reads_r0_at_1_khz_and_the_cells_voltage_on_the_closed_channel()
    {
        var meter = new SimulatedMeter(_sim.Units, MeterOptions.Default with { Seed = 4 });
        _sim.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(meter.Execute("ROUT:CLOS (@5)"));
        Assert.Equal("(@5)", meter.Execute("ROUT:CLOS?"));
        Assert.Equal("1", meter.Execute("ROUT:CLOS? (@5)"));
        var truth = _sim.Units[1].ReadChannelState(1);
        var readings = Enumerable.Range(0, 200).Select(_ => Parse(meter.Execute("READ?")!)).ToList();
        double r = readings.Average(x => x.R), v = readings.Average(x => x.V);
        Assert.Equal(truth.R0Ohm, r, truth.R0Ohm * 0.001);
        Assert.Equal(truth.VoltageV, v, 10e-6);
        Assert.InRange(StdDev(readings.Select(x => x.R / truth.R0Ohm)), 0.0015, 0.0035);
        Assert.Matches(@"^\d\.\d{4}E[-+]\d\d,\d\.\d{5}E[-+]\d\d$", meter.Execute("READ?")!);
        Assert.Equal(meter.Execute("FETC?"), meter.Execute("FETCh?"));
    }

    [Fact]
    public void Resistance_follows_the_cells_temperature()
    {
        var meter = new SimulatedMeter(_sim.Units, MeterOptions.Default with { ResistanceNoiseFraction = 0, ResistanceNoiseOhm = 0 });
        meter.Execute("ROUT:CLOS (@1)");
        double warm = Parse(meter.Execute("READ?")!).R;
        _sim.Units[0].SetAmbientTemperature(0);
        _sim.Clock.Advance(TimeSpan.FromHours(1));
        double cold = Parse(meter.Execute("READ?")!).R;
        Assert.Equal(2.09, cold / warm, 0.01);
    }

    [Fact]
    public void A_dead_cell_reads_overflow_and_no_voltage()
    {
        var sim = new SimulatedUnits(1, 2, seed: 1, new PopulationOptions { Defects = new DefectRates { Dead = 1 } });
        var meter = new SimulatedMeter(sim.Units);
        meter.Execute("ROUT:CLOS (@2)");
        var (r, v) = Parse(meter.Execute("READ?")!);
        Assert.Equal(SimulatedMeter.Overflow, r, 1e33);
        Assert.InRange(v, -0.0002, 0.0002);
    }

    [Fact]
    public void The_probes_read_the_cell_itself_not_the_drop_over_a_poor_contact()
    {
        var sim = new SimulatedUnits(1, 1, seed: 2, new PopulationOptions { Defects = new DefectRates { PoorContact = 1 }, Cell = new CellOptions { InitialStateOfCharge = 0.5 } });
        var unit = sim.Units[0];
        var master = new RegisterMaster(unit, 1, TestMaps.SimCyclerV1);
        master.StartStep(0, FormationControl.Devices.Cycler.ChannelMode.ChargeCc, 50, cutoffTimeS: 600);
        sim.Clock.Advance(TimeSpan.FromSeconds(60));
        var meter = new SimulatedMeter(sim.Units, MeterOptions.Default with { VoltageNoiseV = 0 });
        meter.Execute("ROUT:CLOS (@1)");
        double v = Parse(meter.Execute("READ?")!).V;
        var state = unit.ReadChannelState(0);
        double contact = unit.TruthOf(0).ContactResistanceOhm;
        Assert.Equal(state.RelaxingVoltageV + (50 * state.R0Ohm), v, 0.00001);
        Assert.Equal(state.VoltageV - (50 * contact), v, 0.00001);
        Assert.True(contact > 1e-3);
    }

    [Fact]
    public void Errors_queue_up_in_order_and_failing_queries_get_no_response()
    {
        var meter = new SimulatedMeter(_sim.Units);
        Assert.Null(meter.Execute("READ?"));
        Assert.Null(meter.Execute("FETC?"));
        Assert.Null(meter.Execute("ROUT:CLOS (@7)"));
        Assert.Null(meter.Execute("ROUT:CLOS 7"));
        Assert.Null(meter.Execute("FROB?"));
        Assert.Null(meter.Execute("*IDN? now"));
        Assert.Equal("-221,\"Settings conflict; no channel closed\"", meter.Execute("SYST:ERR?"));
        Assert.Equal("-230,\"Data corrupt or stale; no reading yet\"", meter.Execute("SYSTem:ERRor:NEXT?"));
        Assert.Equal("-222,\"Data out of range; channels are 1 to 6\"", meter.Execute("syst:err?"));
        Assert.Equal("-104,\"Data type error; expected a channel list such as (@1)\"", meter.Execute("SYST:ERR?"));
        Assert.Equal("-113,\"Undefined header\"", meter.Execute("SYST:ERR?"));
        Assert.Equal("-108,\"Parameter not allowed\"", meter.Execute("SYST:ERR?"));
        Assert.Equal("0,\"No error\"", meter.Execute("SYST:ERR?"));
        Assert.Null(meter.ClosedChannel);
    }

    [Fact]
    public void The_error_queue_overflows_into_a_queue_overflow_error_and_clears_with_cls()
    {
        var meter = new SimulatedMeter(_sim.Units, MeterOptions.Default with { ErrorQueueLength = 3 });
        for (int i = 0; i < 5; i++)
        {
            meter.Execute("NOPE");
        }

        Assert.Equal("-113,\"Undefined header\"", meter.Execute("SYST:ERR?"));
        Assert.Equal("-113,\"Undefined header\"", meter.Execute("SYST:ERR?"));
        Assert.Equal("-350,\"Queue overflow\"", meter.Execute("SYST:ERR?"));
        meter.Execute("NOPE");
        meter.Execute("*CLS");
        Assert.Equal("0,\"No error\"", meter.Execute("SYST:ERR?"));
    }

    [Fact]
    public void Commands_can_be_joined_and_the_multiplexer_opened_again()
    {
        var meter = new SimulatedMeter(_sim.Units);
        string? answer = meter.Execute(":ROUTe:CLOSe (@2);*IDN?;ROUT:CLOS?");
        Assert.Equal("FormationControl,SIM-OCVIR-1,000001,1.0;(@2)", answer);
        meter.Execute("ROUT:OPEN (@2)");
        Assert.Equal("(@)", meter.Execute("ROUT:CLOS?"));
        meter.Execute("ROUT:CLOS (@3)");
        meter.Execute("ROUT:OPEN:ALL");
        Assert.Null(meter.ClosedChannel);
        meter.Execute("ROUT:CLOS (@3);*RST");
        Assert.Null(meter.ClosedChannel);
    }

    private static (double R, double V) Parse(string line)
    {
        string[] parts = line.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static double StdDev(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        return Math.Sqrt(list.Sum(x => (x - mean) * (x - mean)) / (list.Count - 1));
    }
}

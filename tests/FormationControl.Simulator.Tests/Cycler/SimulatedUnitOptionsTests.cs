using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Simulator.Tests.Cycler;

public sealed class SimulatedUnitOptionsTests
{
    [Fact]
    public void Defaults_identify_the_simulator_and_protect_an_nmc_cell()
    {
        var o = SimulatedUnitOptions.Default;
        Assert.Equal(0x4643, o.VendorCode);
        Assert.Equal(1, o.MapVersion);
        Assert.Equal(4.35, o.OverVoltageLimitV);
        Assert.Equal(1.5, o.UnderVoltageLimitV);
    }

    [Fact]
    public void An_inverted_protection_window_is_refused()
    {
        var options = new SimulatedUnitOptions { OverVoltageLimitV = 2.0, UnderVoltageLimitV = 2.5 };
        var e = Assert.Throws<ArgumentException>(() => new SimulatedCyclerUnit(TestMaps.SimCyclerV1, 1, [Bench.Cell()], new FakeTimeProvider(), options));
        Assert.Contains("UnderVoltageLimitV", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_options_are_what_the_unit_serves()
    {
        var bench = new Bench(new SimulatedUnitOptions { VendorCode = 0x1234, MapVersion = 7 }, Bench.Cell());
        Assert.Equal(0x1234, bench.Master.ReadUnitField("vendorCode"));
        Assert.Equal(7, bench.Master.ReadUnitField("mapVersion"));
    }
}

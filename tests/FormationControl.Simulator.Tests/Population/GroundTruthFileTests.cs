using System.Text.Json;
using FormationControl.Core.Time;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Population;

public sealed class GroundTruthFileTests
{
    [Fact]
    public void Writes_every_cell_of_every_unit_with_its_place_and_parameters()
    {
        var rates = new DefectRates { MicroShort = 0.2, Dead = 0.2 };
        var population = new CellPopulation(6, 100, seed: 5, new PopulationOptions { Defects = rates });
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        SimulatedCyclerUnit[] units =
        [
            new(TestMaps.SimCyclerV1, 3, population.Slice(0, 4), clock),
            new(TestMaps.SimCyclerV1, 7, population.Slice(4, 2), clock),
        ];
        string path = Path.Combine(Directory.CreateTempSubdirectory("fc-truth-").FullName, "truth.json");
        GroundTruthFile.Write(path, new GroundTruthHeader(5, "NMC/graphite", 100, 25, rates), units);

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Assert.Equal(5, root.GetProperty("seed").GetInt32());
        Assert.Equal(0.2, root.GetProperty("defectRates").GetProperty("microShort").GetDouble());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(6, cells.Count);
        Assert.Equal([3, 3, 3, 3, 7, 7], cells.Select(c => c.GetProperty("unit").GetInt32()));
        Assert.Equal([0, 1, 2, 3, 0, 1], cells.Select(c => c.GetProperty("channel").GetInt32()));
        Assert.Equal([1, 2, 3, 4, 5, 6], cells.Select(c => c.GetProperty("meterChannel").GetInt32()));
        for (int i = 0; i < 6; i++)
        {
            var t = population.Cells[i].Truth;
            var c = cells[i];
            Assert.Equal(t.CapacityAh, c.GetProperty("capacityAh").GetDouble());
            Assert.Equal(t.R0Ohm, c.GetProperty("r0Ohm").GetDouble());
            Assert.Equal(t.R1Ohm, c.GetProperty("r1Ohm").GetDouble());
            Assert.Equal(t.R2Ohm, c.GetProperty("r2Ohm").GetDouble());
            Assert.Equal(t.Tau1S, c.GetProperty("tau1S").GetDouble());
            Assert.Equal(t.Tau2S, c.GetProperty("tau2S").GetDouble());
            Assert.Equal(t.SelfDischargeA, c.GetProperty("selfDischargeA").GetDouble());
            Assert.Equal(GroundTruthFile.DefectName(t.Defect), c.GetProperty("defect").GetString());
        }

        Assert.Contains(cells, c => c.GetProperty("defect").GetString() != "none");
        File.Delete(path);
    }
}

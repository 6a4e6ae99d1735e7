using System.Text.Json;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Population;

/// <summary>
/// Writes the ground truth of every cell in a set of units as JSON, so that a grading run can be scored against it
/// (<c>fc sim --truth FILE</c>). Cells are listed unit by unit, channel by channel; <c>meterChannel</c> is the
/// 1-based multiplexer channel the simulated meter measures the cell on.
/// </summary>
public static class GroundTruthFile
{
    /// <summary>Writes the truth of <paramref name="units"/> to <paramref name="path"/> (replacing it).</summary>
    public static void Write(string path, GroundTruthHeader header, IReadOnlyList<SimulatedCyclerUnit> units)
    {
        using var stream = File.Create(path);
        Write(stream, header, units);
    }

    /// <summary>Writes the truth of <paramref name="units"/> to a stream.</summary>
    public static void Write(Stream stream, GroundTruthHeader header, IReadOnlyList<SimulatedCyclerUnit> units)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(units);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("generator", "FormationControl.Simulator");
        json.WriteNumber("seed", header.Seed);
        json.WriteString("chemistry", header.Chemistry);
        json.WriteNumber("nominalCapacityAh", header.NominalCapacityAh);
        json.WriteNumber("referenceTemperatureC", header.ReferenceTemperatureC);
        json.WriteStartObject("defectRates");
        json.WriteNumber("microShort", header.Defects.MicroShort);
        json.WriteNumber("highResistance", header.Defects.HighResistance);
        json.WriteNumber("dead", header.Defects.Dead);
        json.WriteNumber("poorContact", header.Defects.PoorContact);
        json.WriteEndObject();
        json.WriteStartArray("cells");
        int meterChannel = 1;
        foreach (var unit in units)
        {
            for (int c = 0; c < unit.ChannelCount; c++)
            {
                var t = unit.TruthOf(c);
                json.WriteStartObject();
                json.WriteNumber("unit", unit.UnitId);
                json.WriteNumber("channel", c);
                json.WriteNumber("meterChannel", meterChannel++);
                json.WriteNumber("index", t.Index);
                json.WriteNumber("capacityAh", t.CapacityAh);
                json.WriteNumber("r0Ohm", t.R0Ohm);
                json.WriteNumber("r1Ohm", t.R1Ohm);
                json.WriteNumber("tau1S", t.Tau1S);
                json.WriteNumber("r2Ohm", t.R2Ohm);
                json.WriteNumber("tau2S", t.Tau2S);
                json.WriteNumber("selfDischargeA", t.SelfDischargeA);
                json.WriteNumber("selfDischargePercentPerDay", t.SelfDischargeA * 24 / t.CapacityAh * 100);
                json.WriteString("defect", DefectName(t.Defect));
                json.WriteNumber("contactResistanceOhm", t.ContactResistanceOhm);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The name a defect class has in the truth file and in <c>--defects</c>.</summary>
    public static string DefectName(CellDefect defect) => defect switch
    {
        CellDefect.MicroShort => "micro-short",
        CellDefect.HighResistance => "high-resistance",
        CellDefect.Dead => "dead",
        CellDefect.PoorContact => "poor-contact",
        _ => "none",
    };
}

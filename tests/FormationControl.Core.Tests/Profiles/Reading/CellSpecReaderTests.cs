using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

public class CellSpecReaderTests
{
    private static string WithCellField(string from, string to)
    {
        string json = ProfileJson.With();
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ProfileDiagnostic> Errors(string json) => ProfileLoader.Parse(json, "p.json").Diagnostics;

    [Fact]
    public void Wrong_dimension_names_expected_and_found()
    {
        string json = WithCellField("\"maxVoltage\": \"4.2 V\"", "\"maxVoltage\": \"4.2 A\"");
        DiagnosticAssert.Single(Errors(json), "$.cell.maxVoltage", TextPosition.Of(json, "\"4.2 A\""),
            "expected a voltage (e.g. \"4.2 V\"), but \"4.2 A\" is a current");
    }

    [Fact]
    public void Unknown_unit_gets_a_suggestion()
    {
        string json = WithCellField("\"nominalVoltage\": \"3.65 V\"", "\"nominalVoltage\": \"3650 mv\"");
        DiagnosticAssert.Single(Errors(json), "$.cell.nominalVoltage", TextPosition.Of(json, "\"3650 mv\""), "unknown unit 'mv' in \"3650 mv\"; did you mean 'mV'?");
    }

    [Fact]
    public void Bare_number_asks_for_a_unit_and_its_c_rates_cannot_resolve()
    {
        string json = WithCellField("\"nominalCapacity\": \"100 Ah\"", "\"nominalCapacity\": 100");
        var errors = Errors(json);
        Assert.Equal(3, errors.Count);
        DiagnosticAssert.Matches(errors[0], "$.cell.nominalCapacity", TextPosition.Of(json, "100,"),
            "a bare number has no unit; write a capacity as a string, e.g. \"100 Ah\"");
        DiagnosticAssert.Matches(errors[1], "$.cell.maxChargeCurrent", TextPosition.Of(json, "\"1C\""),
            "1C is a C-rate, but no nominal capacity is known to turn it into amps (cell.nominalCapacity is missing or invalid)");
        DiagnosticAssert.Matches(errors[2], "$.cell.maxDischargeCurrent", TextPosition.Of(json, "\"1C\"", 2), "1C is a C-rate");
    }

    [Fact]
    public void Missing_field_is_reported_at_the_cell_object()
    {
        string json = WithCellField(",\n    \"maxTemperature\": \"60 degC\"", string.Empty);
        DiagnosticAssert.Single(Errors(json), "$.cell", TextPosition.Of(json, "{\n    \"chemistry\""), "the cell needs a 'maxTemperature' field");
    }

    [Fact]
    public void Misspelt_field_gets_a_suggestion_and_the_real_one_is_missing()
    {
        string json = WithCellField("\"maxVoltage\": \"4.2 V\"", "\"maxVoltge\": \"4.2 V\"");
        var errors = Errors(json);
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Contains(errors, "$.cell.maxVoltge", TextPosition.Of(json, "\"maxVoltge\""), "unknown field 'maxVoltge' in the cell; did you mean 'maxVoltage'?");
        DiagnosticAssert.Contains(errors, "$.cell", TextPosition.Of(json, "{\n    \"chemistry\""), "the cell needs a 'maxVoltage' field");
    }

    [Fact]
    public void Max_voltage_must_be_above_min_voltage()
    {
        string json = WithCellField("\"minVoltage\": \"2.5 V\"", "\"minVoltage\": \"4.3 V\"");
        DiagnosticAssert.Single(Errors(json), "$.cell.maxVoltage", TextPosition.Of(json, "\"4.2 V\""), "must be above cell.minVoltage (4.3 V)");
    }

    [Fact]
    public void Nominal_voltage_must_lie_inside_the_window()
    {
        string json = WithCellField("\"nominalVoltage\": \"3.65 V\"", "\"nominalVoltage\": \"4.5 V\"");
        DiagnosticAssert.Single(Errors(json), "$.cell.nominalVoltage", TextPosition.Of(json, "\"4.5 V\""), "must lie between cell.minVoltage (2.5 V) and cell.maxVoltage (4.2 V)");
    }

    [Theory]
    [InlineData("\"maxChargeCurrent\": \"1C\"", "\"maxChargeCurrent\": \"0 A\"", "$.cell.maxChargeCurrent", "\"0 A\"")]
    [InlineData("\"minVoltage\": \"2.5 V\"", "\"minVoltage\": \"-2.5 V\"", "$.cell.minVoltage", "\"-2.5 V\"")]
    [InlineData("\"nominalCapacity\": \"100 Ah\"", "\"nominalCapacity\": \"0 Ah\"", "$.cell.nominalCapacity", "\"0 Ah\"")]
    public void Ratings_must_be_positive(string from, string to, string path, string value)
    {
        string json = WithCellField(from, to);
        DiagnosticAssert.Contains(Errors(json), path, TextPosition.Of(json, value), "must be greater than zero");
    }

    [Fact]
    public void Max_currents_accept_amps_and_c_rates()
    {
        string json = WithCellField("\"maxDischargeCurrent\": \"1C\"", "\"maxDischargeCurrent\": \"250 A\"").Replace("\"maxChargeCurrent\": \"1C\"", "\"maxChargeCurrent\": \"C/2\"", StringComparison.Ordinal);
        var cell = ProfileLoader.Parse(json, "p.json").Profile!.Cell;
        Assert.Equal((50.0, 250.0), (cell.MaxChargeCurrentA, cell.MaxDischargeCurrentA));
    }

    [Fact]
    public void Cell_must_be_an_object()
    {
        string json = ProfileJson.With(cell: "  \"cell\": \"NMC\"");
        DiagnosticAssert.Single(Errors(json), "$.cell", TextPosition.Of(json, "\"NMC\""), "the cell must be an object with its ratings, or the path of a cell file such as \"cells/nmc-100ah.json\", not \"NMC\"");
    }
}

using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Grading.Reading;

/// <summary>Reads the "inputs" object: where each input of the recipe is measured.</summary>
internal static class InputSourcesReader
{
    public static readonly string[] Fields = ["capacity", "coulombicEfficiency", "dcir", "acir", "kValue", "ocv"];
    public static readonly string[] CapacityFields = ["step"];
    public static readonly string[] EfficiencyFields = ["chargeSteps", "dischargeStep"];
    public static readonly string[] DcirFields = ["step"];
    public static readonly string[] AcirFields = ["session"];
    public static readonly string[] KValueFields = ["firstSession", "secondSession", "temperatureCoefficient", "referenceTemperature"];
    public static readonly string[] OcvFields = ["session", "step"];

    /// <summary>The sources (with <paramref name="capacityStep"/> from the original form), or null if anything was reported.</summary>
    public static GradingInputSources? Read(JsonSourceNode? node, string? capacityStep, JsonSourceNode? capacityStepNode, DiagnosticList diagnostics)
    {
        var declared = new HashSet<GradeInput>();
        if (capacityStep is not null)
        {
            declared.Add(GradeInput.Capacity);
        }

        if (node is null)
        {
            return new GradingInputSources(capacityStep) { Declared = declared };
        }

        var fields = JsonFields.Open(node, "'inputs'", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        var sources = new GradingInputSources();
        if (Open(fields, "capacity", CapacityFields, declared, GradeInput.Capacity, diagnostics) is { } capacity)
        {
            if (capacityStepNode is not null)
            {
                diagnostics.Report(capacity.Object, "capacity is already declared by 'capacityStep'; keep one of them");
            }

            sources = sources with { CapacityStep = ReadString(capacity.Required("step", "(the label of the discharge step)"), diagnostics) };
        }
        else
        {
            sources = sources with { CapacityStep = capacityStep };
        }

        if (Open(fields, "coulombicEfficiency", EfficiencyFields, declared, GradeInput.CoulombicEfficiency, diagnostics) is { } efficiency)
        {
            sources = sources with
            {
                ChargeSteps = ReadLabels(efficiency.Required("chargeSteps", "(labels of the charge steps whose Ah are summed)"), diagnostics),
                EfficiencyDischargeStep = ReadString(efficiency.Required("dischargeStep"), diagnostics),
            };
        }

        if (Open(fields, "dcir", DcirFields, declared, GradeInput.Dcir, diagnostics) is { } dcir)
        {
            sources = sources with { DcirStep = ReadString(dcir.Required("step", "(the label of the pulse step)"), diagnostics) };
        }

        if (Open(fields, "acir", AcirFields, declared, GradeInput.Acir, diagnostics) is { } acir)
        {
            sources = sources with { AcirSession = OptionalString(acir, "session", diagnostics) };
        }

        if (Open(fields, "ocv", OcvFields, declared, GradeInput.Ocv, diagnostics) is { } ocv)
        {
            if (ocv.Has("session") && ocv.Has("step"))
            {
                diagnostics.Report(ocv.Object, "take the OCV from a 'session' or from a 'step', not both");
            }

            sources = sources with { OcvSession = OptionalString(ocv, "session", diagnostics), OcvStep = OptionalString(ocv, "step", diagnostics) };
        }

        if (Open(fields, "kValue", KValueFields, declared, GradeInput.KValue, diagnostics) is { } k)
        {
            var coefficientNode = k.Optional("temperatureCoefficient");
            var referenceNode = k.Optional("referenceTemperature");
            sources = sources with
            {
                KFirstSession = OptionalString(k, "firstSession", diagnostics),
                KSecondSession = OptionalString(k, "secondSession", diagnostics),
                KTemperatureCoefficientVPerK = coefficientNode is null ? 0 : InputQuantityReader.ReadTemperatureCoefficient(coefficientNode, diagnostics) ?? 0,
                KReferenceTemperatureC = referenceNode is null ? 25 : ReadValue(referenceNode, Dimension.Temperature, diagnostics) ?? 25,
            };
            if (sources.KFirstSession is { } first && first == sources.KSecondSession)
            {
                diagnostics.Report(k.Optional("secondSession")!, "K needs two different sessions");
            }
        }

        return diagnostics.Count > before ? null : sources with { Declared = declared };
    }

    private static JsonFields? Open(JsonFields parent, string name, string[] known, HashSet<GradeInput> declared, GradeInput input, DiagnosticList diagnostics)
    {
        if (parent.Optional(name) is not { } node)
        {
            return null;
        }

        declared.Add(input);
        return JsonFields.Open(node, $"input '{name}'", known, diagnostics);
    }

    private static string? OptionalString(JsonFields fields, string name, DiagnosticList diagnostics) =>
        fields.Optional(name) is { } node ? ReadString(node, diagnostics) : null;

    private static List<string>? ReadLabels(JsonSourceNode? node, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceArray array || array.Items.Count == 0)
        {
            diagnostics.Report(node, "expected a non-empty array of step labels");
            return null;
        }

        var labels = array.Items.Select(item => ReadString(item, diagnostics)).ToList();
        return labels.Contains(null) ? null : [.. labels.OfType<string>()];
    }
}

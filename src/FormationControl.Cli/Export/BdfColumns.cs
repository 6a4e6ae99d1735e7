namespace FormationControl.Cli.Export;

/// <summary>
/// The columns of an exported <c>.bdf.csv</c>, in order: preferred labels of the Battery Data Format (Battery Data
/// Alliance, Linux Foundation Energy; labels and units as in its ontology's specification, version 1.0.0), each
/// label carrying its fixed unit. See docs/grading.md, "Export (Battery Data Format)".
/// </summary>
public static class BdfColumns
{
    /// <summary>Seconds since the run started (required).</summary>
    public const string TestTime = "Test Time / s";

    /// <summary>Seconds since 1970-01-01 UTC (recommended).</summary>
    public const string UnixTime = "Unix Time / s";

    /// <summary>Cell voltage (required).</summary>
    public const string Voltage = "Voltage / V";

    /// <summary>Current, positive into the cell (charge), as in BDF and FormationControl (required).</summary>
    public const string Current = "Current / A";

    /// <summary>Loop pass of the profile: 1, plus one each time the profile jumps back to an earlier step (recommended).</summary>
    public const string CycleCount = "Cycle Count / 1";

    /// <summary>Step executions so far: 1 at the first, plus one at each new step (recommended).</summary>
    public const string StepCount = "Step Count / 1";

    /// <summary>The profile's step index (the schedule's step, repeated by loops).</summary>
    public const string StepId = "Step ID";

    /// <summary>1-based position of the row within its step execution.</summary>
    public const string StepIndex = "Step Index / 1";

    /// <summary>Seconds since the step started.</summary>
    public const string StepTime = "Step Time / s";

    /// <summary>|charge| moved since the step started.</summary>
    public const string StepCapacity = "Step Capacity / Ah";

    /// <summary>|energy| moved since the step started.</summary>
    public const string StepEnergy = "Step Energy / Wh";

    /// <summary>Charge put into the cell since the run started; never resets.</summary>
    public const string ChargingCapacity = "Charging Capacity / Ah";

    /// <summary>Charge taken out of the cell since the run started; never resets.</summary>
    public const string DischargingCapacity = "Discharging Capacity / Ah";

    /// <summary>Energy put into the cell since the run started.</summary>
    public const string ChargingEnergy = "Charging Energy / Wh";

    /// <summary>Energy taken out of the cell since the run started.</summary>
    public const string DischargingEnergy = "Discharging Energy / Wh";

    /// <summary>The cell temperature the channel measured (its probe on the cell).</summary>
    public const string SurfaceTemperatureT1 = "Surface Temperature T1 / degC";

    /// <summary>Every column in file order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TestTime, UnixTime, Voltage, Current, CycleCount, StepCount, StepId, StepIndex, StepTime,
        StepCapacity, StepEnergy, ChargingCapacity, DischargingCapacity, ChargingEnergy, DischargingEnergy, SurfaceTemperatureT1,
    ];
}

namespace FormationControl.Simulator.Cycler;

/// <summary>The status values a channel serves, matched to register-map fields by name.</summary>
internal enum ChannelQuantity
{
    /// <summary>A field this simulator does not know; served as 0.</summary>
    Unknown,
    State,
    StepSequence,
    ActiveMode,
    EndReason,
    FaultCode,
    Voltage,
    Current,
    Temperature,
    StepTime,
    StepAh,
    StepWh,
    Contact,
    EndVoltage,
    EndCurrent,
    EndTemperature,
}

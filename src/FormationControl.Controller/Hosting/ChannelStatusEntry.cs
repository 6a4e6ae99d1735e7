namespace FormationControl.Controller.Hosting;

/// <summary>One channel in a <see cref="RackStatus"/>: its run (if it has had one) and what the device last reported.</summary>
/// <param name="Channel">Rack channel number (1-based over all units).</param>
/// <param name="Unit">The unit's name.</param>
/// <param name="UnitChannel">1-based channel on the unit.</param>
/// <param name="State">The run's state (<c>ChannelState</c>), or "Idle" when the channel never had a run.</param>
/// <param name="DeviceState">What the device last said (Idle, Running, StepComplete, Faulted); null before the unit answered.</param>
/// <param name="Cell">The cell's barcode.</param>
/// <param name="RunId">The run's id in the store.</param>
/// <param name="Profile">"name version" of the run's profile.</param>
/// <param name="Step">1-based current (or last) step.</param>
/// <param name="StepLabel">That step's label.</param>
/// <param name="VoltageV">Last voltage read.</param>
/// <param name="CurrentA">Last current read, positive into the cell.</param>
/// <param name="TemperatureC">Last temperature read.</param>
/// <param name="Reason">Why the run is where it is (last step end, fault, refusal).</param>
public sealed record ChannelStatusEntry(
    int Channel,
    string Unit,
    int UnitChannel,
    string State,
    string? DeviceState,
    string? Cell,
    long? RunId,
    string? Profile,
    int? Step,
    string? StepLabel,
    double? VoltageV,
    double? CurrentA,
    double? TemperatureC,
    string? Reason);

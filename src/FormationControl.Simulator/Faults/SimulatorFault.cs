using FormationControl.Devices.Cycler;

namespace FormationControl.Simulator.Faults;

/// <summary>Something that goes wrong on purpose: on the link (<see cref="FaultyTcpProxy"/>, <see cref="FaultyDataStore"/>) or in a unit.</summary>
public abstract record SimulatorFault;

/// <summary>Responses are lost with a probability (on TCP the request is carried out and its answer swallowed; on RTU the unit ignores the request).</summary>
/// <param name="Probability">Chance that one response is lost (1: all).</param>
/// <param name="UnitId">Only this unit's responses (null: every unit).</param>
/// <param name="Window">When.</param>
public sealed record DropResponses(double Probability, byte? UnitId, FaultWindow Window) : SimulatorFault;

/// <summary>Responses arrive late, by a wall-clock delay (the master's timeouts run on the wall clock). TCP only.</summary>
public sealed record DelayResponses(TimeSpan Delay, byte? UnitId, FaultWindow Window) : SimulatorFault;

/// <summary>The link is down: TCP connections are closed and new ones dropped at once; on RTU no unit answers.</summary>
public sealed record LinkDown(FaultWindow Window) : SimulatorFault;

/// <summary>A response has one bit flipped in its unit id or PDU, with a probability (Modbus TCP has no checksum: the master may take wrong data). TCP only.</summary>
public sealed record CorruptResponses(double Probability, FaultWindow Window) : SimulatorFault;

/// <summary>A channel's protection trips at a simulation time (see <c>SimulatedCyclerUnit.TripProtection</c>).</summary>
public sealed record TripProtection(byte UnitId, int Channel, DeviceFaultCode Fault, TimeSpan At) : SimulatorFault;

/// <summary>A cell is heated from outside (a failing neighbour, a hot fixture).</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Channel">The channel (0-based).</param>
/// <param name="PowerW">Heat put into the cell.</param>
/// <param name="At">Simulation time it starts.</param>
/// <param name="Duration">How long it lasts.</param>
public sealed record HeatCell(byte UnitId, int Channel, double PowerW, TimeSpan At, TimeSpan Duration) : SimulatorFault;

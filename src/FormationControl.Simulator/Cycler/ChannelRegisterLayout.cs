using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// The channel fields of a register map resolved once: the command block the master writes, and the status
/// fields with the quantity each one serves, so that serving a read is a loop without lookups.
/// </summary>
internal sealed class ChannelRegisterLayout
{
    private readonly (RegisterField Field, ChannelQuantity Quantity)[] _measured;
    private readonly (RegisterField Field, ChannelQuantity Quantity)[] _discrete;

    public ChannelRegisterLayout(RegisterMap map)
    {
        var block = map.Channel;
        Mode = Required(map, "mode");
        CurrentSetpoint = Required(map, "currentSetpoint");
        VoltageSetpoint = Required(map, "voltageSetpoint");
        CutoffVoltage = Required(map, "cutoffVoltage");
        CutoffCurrent = Required(map, "cutoffCurrent");
        CutoffTime = Required(map, "cutoffTime");
        CutoffAh = Required(map, "cutoffAh");
        Command = Required(map, "command");
        PowerSetpoint = Optional(map, "powerSetpoint");
        ResistanceSetpoint = Optional(map, "resistanceSetpoint");
        var status = block.Fields.Where(f => f.Table == ModbusTable.InputRegisters).Select(f => (f, QuantityOf(f.Name))).ToList();
        _measured = [.. status.Where(s => IsMeasured(s.Item2))];
        _discrete = [.. status.Where(s => !IsMeasured(s.Item2))];
    }

    public RegisterField Mode { get; }

    public RegisterField CurrentSetpoint { get; }

    public RegisterField VoltageSetpoint { get; }

    public RegisterField CutoffVoltage { get; }

    public RegisterField CutoffCurrent { get; }

    public RegisterField CutoffTime { get; }

    public RegisterField CutoffAh { get; }

    public RegisterField Command { get; }

    /// <summary>The CP setpoint (W); a map without it has no CP modes.</summary>
    public RegisterField? PowerSetpoint { get; }

    /// <summary>The CR setpoint (Ω); a map without it has no CR mode.</summary>
    public RegisterField? ResistanceSetpoint { get; }

    /// <summary>Decodes the step a Start command latches from a channel's holding block; false when a value is unusable.</summary>
    public bool TryReadStep(ReadOnlySpan<ushort> holding, out StepSettings step)
    {
        double mode = Read(Mode, holding);
        step = new StepSettings(
            (ChannelMode)(ushort)mode,
            Math.Abs(Read(CurrentSetpoint, holding)),
            Read(VoltageSetpoint, holding),
            Read(CutoffVoltage, holding),
            Read(CutoffCurrent, holding),
            Read(CutoffTime, holding),
            Read(CutoffAh, holding),
            PowerSetpoint is null ? 0 : Math.Abs(Read(PowerSetpoint, holding)),
            ResistanceSetpoint is null ? 0 : Read(ResistanceSetpoint, holding));
        bool known = mode is >= (double)ChannelMode.Rest and <= (double)ChannelMode.DischargeCr && mode == Math.Floor(mode);
        bool supported = step.Mode switch
        {
            ChannelMode.ChargeCp or ChannelMode.DischargeCp => PowerSetpoint is not null,
            ChannelMode.DischargeCr => ResistanceSetpoint is not null && step.ResistanceOhm > 0,
            _ => true,
        };
        return known && supported
            && IsUsable(step.CurrentA) && IsUsable(step.VoltageV) && IsUsable(step.CutoffVoltageV)
            && IsUsable(step.CutoffCurrentA) && IsUsable(step.CutoffTimeS) && IsUsable(step.CutoffAh)
            && IsUsable(step.PowerW) && IsUsable(step.ResistanceOhm);
    }

    /// <summary>How many measured values <see cref="WriteStatus"/> remembers per channel.</summary>
    public int MeasuredCount => _measured.Length;

    /// <summary>
    /// Encodes a channel's status into its input block (quantised and saturated by the field). A measured value
    /// is encoded only when it differs from the one remembered in <paramref name="lastMeasured"/> (frozen step
    /// counters, a constant current); the discrete ones (state, sequence, mode, reasons, temperature, contact)
    /// only when asked, which the unit does when <see cref="SimulatedChannel.Revision"/> changed.
    /// </summary>
    public void WriteStatus(SimulatedChannel channel, Span<ushort> input, Span<double> lastMeasured, bool discreteToo, MeasurementChain converters, double nowS)
    {
        for (int i = 0; i < _measured.Length; i++)
        {
            var (field, quantity) = _measured[i];
            double value = ValueOf(channel, quantity, converters, nowS);
            if (value != lastMeasured[i] || discreteToo)
            {
                lastMeasured[i] = value;
                field.Encode(value, input.Slice(field.Offset, field.Length));
            }
        }

        if (discreteToo)
        {
            foreach (var (field, quantity) in _discrete)
            {
                field.Encode(ValueOf(channel, quantity, converters, nowS), input.Slice(field.Offset, field.Length));
            }
        }
    }

    // Values that move while time passes; the rest only change with a command or an event.
    private static bool IsMeasured(ChannelQuantity quantity) =>
        quantity is ChannelQuantity.Voltage or ChannelQuantity.Current or ChannelQuantity.Temperature
            or ChannelQuantity.StepTime or ChannelQuantity.StepAh or ChannelQuantity.StepWh;

    public static double Read(RegisterField field, ReadOnlySpan<ushort> block) => field.Decode(block.Slice(field.Offset, field.Length));

    private static bool IsUsable(double value) => double.IsFinite(value) && value >= 0;

    private static double ValueOf(SimulatedChannel channel, ChannelQuantity quantity, MeasurementChain converters, double nowS) => quantity switch
    {
        ChannelQuantity.State => (double)channel.State,
        ChannelQuantity.StepSequence => channel.StepSequence,
        ChannelQuantity.ActiveMode => (double)channel.ActiveMode,
        ChannelQuantity.EndReason => (double)channel.EndReason,
        ChannelQuantity.FaultCode => (double)channel.FaultCode,
        ChannelQuantity.Voltage => converters.Voltage(channel.VoltageV, channel.Index, nowS),
        ChannelQuantity.Current => converters.Current(channel.CurrentA, channel.Index, nowS),
        ChannelQuantity.Temperature => converters.Temperature(channel.Cell.TemperatureC, channel.Index, nowS),
        ChannelQuantity.StepTime => channel.StepTimeS,
        ChannelQuantity.StepAh => channel.StepAh,
        ChannelQuantity.StepWh => channel.StepWh,
        ChannelQuantity.Contact => channel.ContactOk ? 1 : 0,
        ChannelQuantity.EndVoltage => double.IsNaN(channel.EndVoltageV) ? 0 : converters.Voltage(channel.EndVoltageV, channel.Index, channel.EndTimeS),
        ChannelQuantity.EndCurrent => double.IsNaN(channel.EndTimeS) ? 0 : converters.Current(channel.EndCurrentA, channel.Index, channel.EndTimeS),
        ChannelQuantity.EndTemperature => double.IsNaN(channel.EndTimeS) ? channel.EndTemperatureC : converters.Temperature(channel.EndTemperatureC, channel.Index, channel.EndTimeS),
        _ => 0,
    };

    private static ChannelQuantity QuantityOf(string name) => name switch
    {
        "state" => ChannelQuantity.State,
        "stepSequence" => ChannelQuantity.StepSequence,
        "activeMode" => ChannelQuantity.ActiveMode,
        "endReason" => ChannelQuantity.EndReason,
        "faultCode" => ChannelQuantity.FaultCode,
        "voltage" => ChannelQuantity.Voltage,
        "current" => ChannelQuantity.Current,
        "temperature" => ChannelQuantity.Temperature,
        "stepTime" => ChannelQuantity.StepTime,
        "stepAh" => ChannelQuantity.StepAh,
        "stepWh" => ChannelQuantity.StepWh,
        "endVoltage" => ChannelQuantity.EndVoltage,
        "endCurrent" => ChannelQuantity.EndCurrent,
        "endTemperature" => ChannelQuantity.EndTemperature,
        "contact" => ChannelQuantity.Contact,
        _ => ChannelQuantity.Unknown,
    };

    private static RegisterField? Optional(RegisterMap map, string name) =>
        map.Channel.TryGetField(name, out var field) && field.Table == ModbusTable.HoldingRegisters ? field : null;

    private static RegisterField Required(RegisterMap map, string name) =>
        map.Channel.TryGetField(name, out var field) && field.Table == ModbusTable.HoldingRegisters
            ? field
            : throw new ArgumentException($"Register map '{map.Name}': the simulator needs a holding-register channel field '{name}'.", nameof(map));
}

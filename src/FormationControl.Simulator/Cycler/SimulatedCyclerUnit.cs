using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;
using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Cycler;

/// <summary>
/// A simulated cycler unit: N channels, each with a cell, served through a register map like hardware.
/// The physics is lazy: every request first evaluates the channels it touches up to the
/// <see cref="TimeProvider"/>'s present instant (no threads, no timers), ending steps exactly at their
/// cut-offs. Holding registers are plain storage except the channel <c>command</c> register, acted on after
/// the whole write is applied and then cleared, and the unit's <c>heartbeat</c> and <c>watchdogPeriod</c>.
/// Thread-safe: one lock per unit. See the project README for the register behaviour.
/// </summary>
public sealed class SimulatedCyclerUnit : IModbusDataStore
{
    private const int MaxStackRegisters = 256;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatedUnitOptions _options;
    private readonly SimulatedChannel[] _channels;
    private readonly UnitRegisterLayout _unit;
    private readonly ChannelRegisterLayout _channel;
    private readonly UnitWatchdog _watchdog;
    private readonly long _originTicks;
    private readonly int _stride;
    private readonly AddressRange _channelHoldingRange;
    private readonly AddressRange _channelInputRange;
    private readonly ushort[] _unitHolding;
    private readonly ushort[] _channelHolding;
    private readonly ushort[] _inputImage;
    private readonly int[] _imageRevision;
    private readonly double[] _imageValues;
    private readonly ushort[] _unitStatusBlock;
    private readonly MeasurementChain _converters;
    private double _ambientC;

    /// <summary>Creates a unit serving <paramref name="map"/> with one channel per cell, channel i holding cells[i].</summary>
    /// <param name="map">The register map (e.g. <c>profiles/devices/sim-cycler-v1.json</c>).</param>
    /// <param name="unitId">The Modbus unit id it answers to.</param>
    /// <param name="cells">One cell per channel; at most the map's <c>maxChannels</c>.</param>
    /// <param name="time">The clock the physics follows (a <c>VirtualClock</c> in virtual-time mode).</param>
    /// <param name="options">Identity, protection limits, converters and ambient.</param>
    public SimulatedCyclerUnit(RegisterMap map, byte unitId, IReadOnlyList<SimulatedCell> cells, TimeProvider time, SimulatedUnitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(time);
        options ??= SimulatedUnitOptions.Default;
        options.Validate();
        var block = map.Channel;
        if (cells.Count < 1 || cells.Count > block.MaxChannels)
        {
            throw new ArgumentException($"Unit {unitId}: register map '{map.Name}' allows 1 to {block.MaxChannels} channels, got {cells.Count} cells.", nameof(cells));
        }

        Map = map;
        UnitId = unitId;
        _time = time;
        _options = options;
        _unit = new UnitRegisterLayout(map);
        _channel = new ChannelRegisterLayout(map);
        _stride = block.Stride;
        _channelHoldingRange = new AddressRange(block.HoldingBase, block.HoldingBase + (cells.Count * _stride));
        _channelInputRange = new AddressRange(block.InputBase, block.InputBase + (cells.Count * _stride));
        if (_channelHoldingRange.End > 0x10000 || _channelInputRange.End > 0x10000
            || _unit.HoldingRange.Overlaps(_channelHoldingRange) || _unit.InputRange.Overlaps(_channelInputRange))
        {
            throw new ArgumentException($"Unit {unitId}: with {cells.Count} channels the channel blocks of map '{map.Name}' overlap the unit fields or pass address 65535.", nameof(cells));
        }

        var distinct = new HashSet<SimulatedCell>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i] ?? throw new ArgumentException($"Unit {unitId}: cell {i} is null.", nameof(cells));
            if (!distinct.Add(cell) || cell.IsInChannel)
            {
                throw new ArgumentException($"Unit {unitId}: cell {i} (truth index {cell.Truth.Index}) is already in a channel; a cell can be in one channel only.", nameof(cells));
            }
        }

        var limits = new ProtectionLimits(options.OverVoltageLimitV, options.UnderVoltageLimitV, options.OverCurrentLimitA, options.OverTemperatureLimitC);
        _channels = new SimulatedChannel[cells.Count];
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            cell.PutInChannel();
            double ambient = options.AmbientTemperatureC ?? cell.Options.AmbientTemperatureC;
            _channels[i] = new SimulatedChannel(i, cell, limits, ambient, cell.Truth.ContactResistanceOhm <= options.ContactCheckLimitOhm);
        }

        _ambientC = options.AmbientTemperatureC ?? cells[0].Options.AmbientTemperatureC;
        _converters = new MeasurementChain(options.Measurement, unitId);

        _unitHolding = new ushort[_unit.HoldingRange.Length];
        _channelHolding = new ushort[_channelHoldingRange.Length];
        _inputImage = new ushort[_channelInputRange.Length];
        _imageRevision = new int[cells.Count];
        Array.Fill(_imageRevision, -1);
        _imageValues = new double[cells.Count * _channel.MeasuredCount];
        _unitStatusBlock = new ushort[_unit.InputRange.Length];
        _originTicks = time.GetUtcNow().UtcTicks;
        _watchdog = new UnitWatchdog(_originTicks);
    }

    /// <summary>The Modbus unit id this unit answers to.</summary>
    public byte UnitId { get; }

    public RegisterMap Map { get; }

    public int ChannelCount => _channels.Length;

    /// <summary>The ground truth of the cell in a channel.</summary>
    public CellTruth TruthOf(int channel) => ChannelAt(channel).Cell.Truth;

    /// <summary>The exact internal state of a channel now (evaluated up to the clock's present instant first).</summary>
    public ChannelSnapshot ReadChannelState(int channel)
    {
        var ch = ChannelAt(channel);
        lock (_gate)
        {
            ch.AdvanceTo(SecondsAt(CatchUp()));
            var cell = ch.Cell;
            return new ChannelSnapshot(
                channel, ch.TimeS, ch.State, ch.ActiveMode, ch.EndReason, ch.FaultCode, ch.StepSequence,
                ch.VoltageV, ch.CurrentA, cell.TemperatureC, ch.StepTimeS, ch.StepAh, ch.StepWh, ch.EndVoltageV,
                cell.Soc, cell.V1, cell.OpenCircuitVoltage, cell.SeiRemainingAh, ch.IsHoldingVoltage,
                cell.V2, cell.Coefficients.R0Ohm, cell.JouleHeatJ, ch.AmbientC, ch.ExternalHeatW, ch.ContactOk);
        }
    }

    /// <summary>Device time now: time since the unit was created, on its clock.</summary>
    public TimeSpan DeviceTime => TimeSpan.FromTicks(_time.GetUtcNow().UtcTicks - _originTicks);

    /// <summary>The ambient (chamber) temperature, served in the unit's <c>ambientTemperature</c> register if the map has one.</summary>
    public double AmbientTemperatureC
    {
        get
        {
            lock (_gate)
            {
                return _ambientC;
            }
        }
    }

    /// <summary>Sets the ambient (chamber) temperature of every channel from now on; the cells then drift towards it.</summary>
    public void SetAmbientTemperature(double celsius)
    {
        if (!double.IsFinite(celsius) || celsius <= -273.15)
        {
            throw new ArgumentOutOfRangeException(nameof(celsius), celsius, "The ambient temperature must be finite and above absolute zero.");
        }

        lock (_gate)
        {
            double now = SecondsAt(CatchUp());
            foreach (var channel in _channels)
            {
                channel.AdvanceTo(now);
                channel.SetAmbient(celsius);
            }

            _ambientC = celsius;
        }
    }

    /// <summary>
    /// Heats a cell from outside (a failing neighbour, a hot fixture): <paramref name="powerW"/> for
    /// <paramref name="duration"/>, starting at device time <paramref name="startAt"/> (now if null or already past).
    /// The thermal model takes it exactly, and the over-temperature protection trips at the exact crossing.
    /// </summary>
    public void InjectHeat(int channel, double powerW, TimeSpan duration, TimeSpan? startAt = null)
    {
        var ch = ChannelAt(channel);
        if (!double.IsFinite(powerW) || duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(powerW), $"Heat injection on channel {channel}: the power must be finite and the duration not negative (got {powerW} W for {duration}).");
        }

        lock (_gate)
        {
            double now = SecondsAt(CatchUp());
            ch.AdvanceTo(now);
            double start = Math.Max(now, startAt?.TotalSeconds ?? now);
            ch.Schedule(new ScheduledDisturbance(start, powerW, DeviceFaultCode.None));
            ch.Schedule(new ScheduledDisturbance(start + duration.TotalSeconds, -powerW, DeviceFaultCode.None));
        }
    }

    /// <summary>
    /// Latches a protection on a channel at device time <paramref name="at"/> (now if null or already past), as if the
    /// hardware had tripped: a running step ends with end reason Protection, and the channel stays Faulted until ClearFault.
    /// </summary>
    public void TripProtection(int channel, DeviceFaultCode fault, TimeSpan? at = null)
    {
        var ch = ChannelAt(channel);
        if (fault == DeviceFaultCode.None || !Enum.IsDefined(fault))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault, $"Protection trip on channel {channel}: name a fault code other than None.");
        }

        lock (_gate)
        {
            double now = SecondsAt(CatchUp());
            ch.AdvanceTo(now);
            ch.Schedule(new ScheduledDisturbance(Math.Max(now, at?.TotalSeconds ?? now), 0, fault));
            ch.AdvanceTo(now);
        }
    }

    /// <inheritdoc/>
    public bool ServesUnit(byte unitId) => unitId == UnitId;

    /// <inheritdoc/>
    public ModbusExceptionCode? ReadRegisters(byte unitId, ModbusTable table, ushort address, Span<ushort> destination)
    {
        if (unitId != UnitId)
        {
            return ModbusExceptionCode.GatewayPathUnavailable;
        }

        if (table is not (ModbusTable.HoldingRegisters or ModbusTable.InputRegisters))
        {
            return ModbusExceptionCode.IllegalFunction;
        }

        if (destination.IsEmpty)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        if (!Covers(table, address, destination.Length))
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        lock (_gate)
        {
            long now = CatchUp();
            if (table == ModbusTable.HoldingRegisters)
            {
                ReadHolding(address, destination);
            }
            else
            {
                ReadInput(address, destination, now);
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public ModbusExceptionCode? WriteRegisters(byte unitId, ushort address, ReadOnlySpan<ushort> values)
    {
        if (unitId != UnitId)
        {
            return ModbusExceptionCode.GatewayPathUnavailable;
        }

        if (values.IsEmpty)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        if (!Covers(ModbusTable.HoldingRegisters, address, values.Length))
        {
            return ModbusExceptionCode.IllegalDataAddress;
        }

        lock (_gate)
        {
            long now = CatchUp();

            // Apply the whole write first, so a write of a channel's whole block is one atomic command;
            // a write with an unusable command is undone and refused as a whole.
            Span<ushort> previous = values.Length <= MaxStackRegisters ? stackalloc ushort[values.Length] : new ushort[values.Length];
            ReadHolding(address, previous);
            WriteHolding(address, values);
            if (!CommandsAreValid(address, values.Length))
            {
                WriteHolding(address, previous);
                return ModbusExceptionCode.IllegalDataValue;
            }

            ApplyUnitWrites(address, values.Length, now);
            ExecuteCommands(address, values.Length, SecondsAt(now));
        }

        return null;
    }

    /// <summary>The map has no coils or discrete inputs: every bit address is outside it.</summary>
    public ModbusExceptionCode? ReadBits(byte unitId, ModbusTable table, ushort address, Span<bool> destination) =>
        unitId == UnitId ? ModbusExceptionCode.IllegalDataAddress : ModbusExceptionCode.GatewayPathUnavailable;

    /// <summary>The map has no coils: every bit address is outside it.</summary>
    public ModbusExceptionCode? WriteBits(byte unitId, ushort address, ReadOnlySpan<bool> values) =>
        unitId == UnitId ? ModbusExceptionCode.IllegalDataAddress : ModbusExceptionCode.GatewayPathUnavailable;

    private SimulatedChannel ChannelAt(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, _channels.Length);
        return _channels[channel];
    }

    private double SecondsAt(long ticks) => (ticks - _originTicks) / (double)TimeSpan.TicksPerSecond;

    /// <summary>Reads the clock and lets an expired watchdog end every running step at the instant it expired.</summary>
    private long CatchUp()
    {
        long now = _time.GetUtcNow().UtcTicks;
        if (_watchdog.TryExpire(now, out long expiredAt))
        {
            double at = SecondsAt(expiredAt);
            foreach (var channel in _channels)
            {
                channel.AdvanceTo(at);
                channel.End(DeviceEndReason.Watchdog);
            }
        }

        return now;
    }

    private bool Covers(ModbusTable table, int address, int count)
    {
        var unit = table == ModbusTable.HoldingRegisters ? _unit.HoldingRange : _unit.InputRange;
        var channels = table == ModbusTable.HoldingRegisters ? _channelHoldingRange : _channelInputRange;
        int end = address + count;
        for (int pos = address; pos < end;)
        {
            if (unit.Contains(pos))
            {
                pos = unit.End;
            }
            else if (channels.Contains(pos))
            {
                pos = channels.End;
            }
            else
            {
                return false;
            }
        }

        return end <= 0x10000;
    }

    private void ReadHolding(int address, Span<ushort> destination)
    {
        int end = address + destination.Length;
        for (int pos = address; pos < end;)
        {
            var (storage, range) = HoldingStorageAt(pos);
            int n = Math.Min(end, range.End) - pos;
            storage.AsSpan(pos - range.Start, n).CopyTo(destination.Slice(pos - address, n));
            pos += n;
        }
    }

    private void WriteHolding(int address, ReadOnlySpan<ushort> values)
    {
        int end = address + values.Length;
        for (int pos = address; pos < end;)
        {
            var (storage, range) = HoldingStorageAt(pos);
            int n = Math.Min(end, range.End) - pos;
            values.Slice(pos - address, n).CopyTo(storage.AsSpan(pos - range.Start, n));
            pos += n;
        }
    }

    private (ushort[] Storage, AddressRange Range) HoldingStorageAt(int address) =>
        _unit.HoldingRange.Contains(address) ? (_unitHolding, _unit.HoldingRange) : (_channelHolding, _channelHoldingRange);

    private void ReadInput(int address, Span<ushort> destination, long now)
    {
        double nowS = SecondsAt(now);
        int end = address + destination.Length;
        for (int pos = address; pos < end;)
        {
            int n;
            if (_unit.InputRange.Contains(pos))
            {
                _unit.WriteStatus(_unitStatusBlock, _options.VendorCode, _options.MapVersion, _channels.Length, nowS, _ambientC);
                n = Math.Min(end, _unit.InputRange.End) - pos;
                _unitStatusBlock.AsSpan(pos - _unit.InputRange.Start, n).CopyTo(destination.Slice(pos - address, n));
            }
            else
            {
                int offset = pos - _channelInputRange.Start;
                int index = offset / _stride;
                int within = offset % _stride;
                var channel = _channels[index];
                channel.AdvanceTo(nowS);
                var image = _inputImage.AsSpan(index * _stride, _stride);
                bool changed = _imageRevision[index] != channel.Revision;
                var values = _imageValues.AsSpan(index * _channel.MeasuredCount, _channel.MeasuredCount);
                _channel.WriteStatus(channel, image, values, discreteToo: changed, _converters, nowS);
                _imageRevision[index] = channel.Revision;
                n = Math.Min(end - pos, _stride - within);
                image.Slice(within, n).CopyTo(destination.Slice(pos - address, n));
            }

            pos += n;
        }
    }

    /// <summary>Every channel whose command register lies inside the write [address, address + count).</summary>
    private (int First, int Last) CommandedChannels(int address, int count)
    {
        int from = Math.Max(address, _channelHoldingRange.Start) - _channelHoldingRange.Start;
        int to = Math.Min(address + count, _channelHoldingRange.End) - _channelHoldingRange.Start;
        return to <= from ? (0, -1) : (from / _stride, (to - 1) / _stride);
    }

    private bool TouchesCommand(int channel, int address, int count)
    {
        int commandAddress = _channelHoldingRange.Start + (channel * _stride) + _channel.Command.Offset;
        return commandAddress >= address && commandAddress < address + count;
    }

    private bool CommandsAreValid(int address, int count)
    {
        var (first, last) = CommandedChannels(address, count);
        for (int c = first; c <= last; c++)
        {
            if (!TouchesCommand(c, address, count))
            {
                continue;
            }

            var block = _channelHolding.AsSpan(c * _stride, _stride);
            double command = ChannelRegisterLayout.Read(_channel.Command, block);
            bool valid = command switch
            {
                (double)ChannelCommand.None or (double)ChannelCommand.Stop or (double)ChannelCommand.ClearFault => true,
                (double)ChannelCommand.Start => _channel.TryReadStep(block, out _),
                _ => false,
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    private void ApplyUnitWrites(int address, int count, long now)
    {
        if (_unit.WatchdogPeriod is { } periodField && Touches(periodField, address, count))
        {
            double periodS = periodField.Decode(_unitHolding.AsSpan(periodField.Offset - _unit.HoldingRange.Start, periodField.Length));
            _watchdog.Configure((long)Math.Round(periodS * TimeSpan.TicksPerSecond), now);
        }

        if (_unit.Heartbeat is { } heartbeat && Touches(heartbeat, address, count))
        {
            _watchdog.Feed(now);
        }
    }

    private static bool Touches(RegisterField unitField, int address, int count) =>
        unitField.Offset < address + count && address < unitField.Offset + unitField.Length;

    private void ExecuteCommands(int address, int count, double nowS)
    {
        var (first, last) = CommandedChannels(address, count);
        var commandField = _channel.Command;
        for (int c = first; c <= last; c++)
        {
            if (!TouchesCommand(c, address, count))
            {
                continue;
            }

            var block = _channelHolding.AsSpan(c * _stride, _stride);
            var command = (ChannelCommand)(ushort)ChannelRegisterLayout.Read(commandField, block);
            if (command == ChannelCommand.None)
            {
                continue;
            }

            var channel = _channels[c];
            channel.AdvanceTo(nowS);
            switch (command)
            {
                case ChannelCommand.Start when _channel.TryReadStep(block, out var step):
                    // With the watchdog expired the output may not come on: the step ends as it starts.
                    if (channel.Start(step, nowS) && _watchdog.IsTripped)
                    {
                        channel.End(DeviceEndReason.Watchdog);
                    }

                    break;
                case ChannelCommand.Stop:
                    channel.End(DeviceEndReason.Stopped);
                    break;
                case ChannelCommand.ClearFault:
                    channel.ClearFault();
                    break;
            }

            commandField.Encode(0, block.Slice(commandField.Offset, commandField.Length));
        }
    }
}

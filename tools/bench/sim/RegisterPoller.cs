using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;

namespace FormationControl.SimBench;

/// <summary>
/// A master for one unit that talks to its data store through register reads and writes only, as the controller's
/// driver does over Modbus: one read per six channels (120 registers), a heartbeat, and a start write for every
/// channel whose step ended.
/// </summary>
internal sealed class RegisterPoller
{
    private const int ChannelsPerRead = 6;
    private readonly IModbusDataStore _store;
    private readonly byte _unitId;
    private readonly ChannelBlock _block;
    private readonly RegisterField _state, _sequence, _command, _heartbeat;
    private readonly ushort[] _read;
    private readonly int[] _stepIndex;
    private readonly ushort[] _lastSequence;
    private readonly ushort[][] _encoded;
    private readonly ushort[] _beat = new ushort[1];

    public RegisterPoller(IModbusDataStore store, byte unitId, RegisterMap map, int channels)
    {
        _store = store;
        _unitId = unitId;
        _block = map.Channel;
        _state = _block.Field("state");
        _sequence = _block.Field("stepSequence");
        _command = _block.Field("command");
        _heartbeat = map.UnitField("heartbeat");
        _read = new ushort[ChannelsPerRead * _block.Stride];
        _stepIndex = new int[channels];
        _lastSequence = new ushort[channels];
        Array.Fill(_stepIndex, -1);
        _encoded = [.. FormationControl.SimBench.FormationSchedule.Steps.Select(Encode)];
        Channels = channels;
    }

    public int Channels { get; }

    public long Requests { get; private set; }

    public long StepsStarted { get; private set; }

    /// <summary>One poll: heartbeat, read every channel, start the next step where one ended.</summary>
    public void Poll()
    {
        _beat[0]++;
        Check(_store.WriteRegisters(_unitId, _heartbeat.Offset, _beat));
        Requests++;
        for (int first = 0; first < Channels; first += ChannelsPerRead)
        {
            int n = Math.Min(ChannelsPerRead, Channels - first);
            var span = _read.AsSpan(0, n * _block.Stride);
            Check(_store.ReadRegisters(_unitId, ModbusTable.InputRegisters, _block.BaseOf(ModbusTable.InputRegisters, first), span));
            Requests++;
            for (int i = 0; i < n; i++)
            {
                var status = span.Slice(i * _block.Stride, _block.Stride);
                var state = (ChannelDeviceState)(ushort)_state.Decode(status.Slice(_state.Offset, 1));
                if (state != ChannelDeviceState.Running)
                {
                    StartNext(first + i);
                }
            }
        }
    }

    private void StartNext(int channel)
    {
        int next = _stepIndex[channel] < 0 ? 0 : FormationControl.SimBench.FormationSchedule.Next(_stepIndex[channel]);
        _stepIndex[channel] = next;
        Check(_store.WriteRegisters(_unitId, _block.BaseOf(ModbusTable.HoldingRegisters, channel), _encoded[next]));
        Requests++;
        StepsStarted++;
    }

    private ushort[] Encode(StepCommand step)
    {
        var block = new ushort[_command.Offset + _command.Length];
        Put(block, "mode", (double)step.Mode);
        Put(block, "currentSetpoint", step.CurrentA);
        Put(block, "voltageSetpoint", step.VoltageV);
        Put(block, "cutoffVoltage", step.CutoffVoltageV ?? 0);
        Put(block, "cutoffCurrent", step.CutoffCurrentA ?? 0);
        Put(block, "cutoffTime", step.CutoffTime?.TotalSeconds ?? 0);
        Put(block, "cutoffAh", step.CutoffAh ?? 0);
        Put(block, "command", (double)ChannelCommand.Start);
        return block;
    }

    private void Put(ushort[] block, string name, double value)
    {
        var field = _block.Field(name);
        field.Encode(value, block.AsSpan(field.Offset, field.Length));
    }

    private static void Check(ModbusExceptionCode? code)
    {
        if (code is not null)
        {
            throw new InvalidOperationException($"The simulator answered with Modbus exception {code}.");
        }
    }
}

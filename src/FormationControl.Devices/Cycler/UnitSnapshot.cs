namespace FormationControl.Devices.Cycler;

/// <summary>Everything read from one unit in one poll: its clock and every channel's status.</summary>
/// <param name="DeviceTime">The unit's own clock (time since it started), as it reported it.</param>
/// <param name="Channels">Status by 0-based channel index.</param>
public sealed record UnitSnapshot(TimeSpan DeviceTime, IReadOnlyList<ChannelStatus> Channels);

using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Channels;

/// <summary>What a channel asks its unit's supervisor to send to the device after a poll.</summary>
public readonly record struct ChannelAction(ChannelActionKind Kind, StepCommand? Command = null)
{
    public static ChannelAction None => default;

    public static ChannelAction Start(StepCommand command) => new(ChannelActionKind.StartStep, command);

    public static ChannelAction StopOutput => new(ChannelActionKind.StopOutput);

    public static ChannelAction ClearFault => new(ChannelActionKind.ClearFault);
}

/// <summary>The kinds of <see cref="ChannelAction"/>.</summary>
public enum ChannelActionKind
{
    None,
    StartStep,
    StopOutput,
    ClearFault,
}

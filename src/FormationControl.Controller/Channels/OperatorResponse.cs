namespace FormationControl.Controller.Channels;

/// <summary>What a channel's run made of an operator's request: accepted or refused (with why), and what to send the device.</summary>
public readonly record struct OperatorResponse(bool Accepted, string Detail, ChannelAction Action)
{
    public static OperatorResponse Accept(string detail, ChannelAction action = default) => new(true, detail, action);

    public static OperatorResponse Refuse(string reason) => new(false, reason, ChannelAction.None);
}

namespace FormationControl.Controller.Channels;

/// <summary>Events that move a channel between <see cref="ChannelState"/>s.</summary>
public enum ChannelTrigger
{
    Start,
    StepAccepted,
    StepEnded,
    ProfileDone,
    Fault,
    Stop,
    CommLost,
    CommRestored,
    Acknowledge,
    Pause,
    Resume,
    Jump,
}

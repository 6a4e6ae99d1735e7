namespace FormationControl.Simulator.Cycler;

/// <summary>Collects candidate events of a leg and keeps the earliest (ties go to the higher <see cref="LegEvent"/>).</summary>
internal struct EarliestEvent(double horizonS)
{
    public double TimeS { get; private set; } = horizonS;

    public LegEvent Event { get; private set; } = LegEvent.None;

    /// <summary>Offers an event at a time; +infinity or NaN (never) is ignored.</summary>
    public void Offer(double timeS, LegEvent candidate)
    {
        if (timeS < TimeS || (timeS == TimeS && candidate > Event))
        {
            TimeS = timeS;
            Event = candidate;
        }
    }
}

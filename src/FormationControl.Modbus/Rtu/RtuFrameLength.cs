namespace FormationControl.Modbus.Rtu;

/// <summary>The two answers of <see cref="IRtuFrameRule.FrameLength"/> that are not a length.</summary>
internal static class RtuFrameLength
{
    /// <summary>The bytes seen so far could start a frame, but do not yet say how long it is.</summary>
    public const int NeedMoreBytes = 0;

    /// <summary>No frame this side expects can start here.</summary>
    public const int NotAFrame = -1;
}

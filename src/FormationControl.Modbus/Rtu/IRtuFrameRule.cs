namespace FormationControl.Modbus.Rtu;

/// <summary>
/// Tells a <see cref="RtuFrameScanner"/> how long a frame starting at some byte would be. RTU frames carry no
/// length field of their own: the length follows from the function code (and, for some, a byte count).
/// </summary>
internal interface IRtuFrameRule
{
    /// <summary>
    /// The length of the frame that <paramref name="candidate"/> (the bytes from some position to the end of what
    /// was received) would start: a positive length; <see cref="RtuFrameLength.NeedMoreBytes"/> when its first bytes
    /// do not yet tell; or <see cref="RtuFrameLength.NotAFrame"/> when no frame can start there.
    /// </summary>
    int FrameLength(ReadOnlySpan<byte> candidate);

    /// <summary>
    /// Whether a frame may also end at a silence on the line, whatever its length (a slave must answer a request it
    /// cannot measure, or one of the wrong length, with an exception): then the scanner keeps the last
    /// <see cref="RtuFrame.MaxLength"/> undecided bytes for <see cref="RtuFrameScanner.TryTakeSilentFrame"/>.
    /// </summary>
    bool FramesAtSilence { get; }
}

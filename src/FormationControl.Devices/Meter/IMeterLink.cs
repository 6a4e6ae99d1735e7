namespace FormationControl.Devices.Meter;

/// <summary>
/// A line-oriented link to an ASCII instrument: commands go out as lines, answers come back as lines. A serial
/// port in the plant; an in-memory link to a simulated meter in the demo.
/// </summary>
public interface IMeterLink : IAsyncDisposable
{
    /// <summary>The device (for example /dev/ttyUSB0), for messages.</summary>
    string Name { get; }

    /// <summary>Sends one command line; the link adds the terminator.</summary>
    /// <exception cref="IOException">The device is gone.</exception>
    ValueTask WriteLineAsync(string line, CancellationToken cancellationToken);

    /// <summary>The next answer line without its terminator, or <c>null</c> when none came within <paramref name="timeout"/>.</summary>
    /// <exception cref="IOException">The device is gone.</exception>
    ValueTask<string?> TryReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Forgets lines already received, so that a late answer is never taken for the next query's.</summary>
    void DiscardInput();
}

using System.Globalization;

namespace FormationControl.Devices.Meter;

/// <summary>
/// Driver of an OCV/ACIR battery meter behind a multiplexer, speaking SCPI over a line (see README.md): select a
/// channel with <c>ROUT:CLOS (@N)</c>, confirm it, let it settle, <c>READ?</c> the resistance and voltage.
/// A query the meter rejects gets no answer (as real meters do), so after a silent query the driver reads the
/// meter's error queue and reports that error. SCPI answers carry no request id, so each query accepts only answers
/// of its own shape: a late answer to an earlier query that timed out is skipped, never taken for this one's.
/// One caller at a time.
/// </summary>
public sealed class OcvIrMeter
{
    private readonly IMeterLink _link;
    private readonly OcvIrMeterOptions _options;
    private readonly TimeProvider _time;

    public OcvIrMeter(IMeterLink link, OcvIrMeterOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        _link = link;
        _options = options ?? new OcvIrMeterOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The device the meter is on, for messages.</summary>
    public string Device => _link.Name;

    /// <summary>The meter's identity (<c>*IDN?</c>): maker, model, serial number, firmware.</summary>
    public Task<string> IdentifyAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("*IDN?", IsFreeText, cancellationToken);

    /// <summary>Clears the meter's error queue and opens every multiplexer channel.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await _link.WriteLineAsync("*CLS", cancellationToken).ConfigureAwait(false);
        await _link.WriteLineAsync("ROUT:OPEN:ALL", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Connects multiplexer channel <paramref name="channel"/> (1-based) and measures the cell on it.</summary>
    /// <exception cref="MeterException">The meter refused the channel or the measurement; the message carries its error.</exception>
    /// <exception cref="TimeoutException">The meter did not answer.</exception>
    /// <exception cref="IOException">The line is gone.</exception>
    public async Task<MeterReading> MeasureAsync(int channel, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channel, 1);
        string select = string.Create(CultureInfo.InvariantCulture, $"ROUT:CLOS (@{channel})");
        await _link.WriteLineAsync(select, cancellationToken).ConfigureAwait(false);
        string closed = await QueryAsync("ROUT:CLOS?", IsChannelList, cancellationToken).ConfigureAwait(false);
        if (closed != string.Create(CultureInfo.InvariantCulture, $"(@{channel})"))
        {
            var error = await TryReadErrorAsync(cancellationToken).ConfigureAwait(false);
            throw new MeterException($"Meter on {Device}: '{select}' did not connect channel {channel} (the meter reports {closed}){Describe(error)}", error?.Code);
        }

        if (_options.SettleTime > TimeSpan.Zero)
        {
            await Task.Delay(_options.SettleTime, _time, cancellationToken).ConfigureAwait(false);
        }

        string answer = await QueryAsync("READ?", IsFreeText, cancellationToken).ConfigureAwait(false);
        return MeterReading.TryParse(answer, out var reading)
            ? reading
            : throw new MeterException($"Meter on {Device}: READ? on channel {channel} answered '{answer}', not 'resistance,voltage'.");
    }

    private async Task<string> QueryAsync(string query, Func<string, bool> isAnswer, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt <= _options.Retries; attempt++)
        {
            _link.DiscardInput();
            await _link.WriteLineAsync(query, cancellationToken).ConfigureAwait(false);
            if (await ReadAnswerAsync(isAnswer, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                return answer;
            }

            if (await TryReadErrorAsync(cancellationToken).ConfigureAwait(false) is { } error)
            {
                throw new MeterException($"Meter on {Device}: '{query}' failed{Describe(error)}", error.Code);
            }
        }

        throw new TimeoutException($"Meter on {Device} did not answer '{query}' within {_options.ResponseTimeout.TotalMilliseconds:0} ms ({_options.Retries + 1} attempts).");
    }

    // The oldest queued error, or null when the queue is empty or the meter stays silent.
    private async Task<(int Code, string Message)?> TryReadErrorAsync(CancellationToken cancellationToken)
    {
        _link.DiscardInput();
        await _link.WriteLineAsync("SYST:ERR?", cancellationToken).ConfigureAwait(false);
        string? line = await ReadAnswerAsync(IsErrorEntry, cancellationToken).ConfigureAwait(false);
        if (line is null || ErrorCode(line) is not { } code || code == 0)
        {
            return null;
        }

        return (code, line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim('"'));
    }

    // The first line of the right shape within the response timeout; lines of another shape are late answers.
    private async Task<string?> ReadAnswerAsync(Func<string, bool> isAnswer, CancellationToken cancellationToken)
    {
        long start = _time.GetTimestamp();
        TimeSpan left = _options.ResponseTimeout;
        while (left > TimeSpan.Zero && await _link.TryReadLineAsync(left, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (isAnswer(line))
            {
                return line;
            }

            left = _options.ResponseTimeout - _time.GetElapsedTime(start);
        }

        return null;
    }

    private static bool IsChannelList(string line) => line.StartsWith("(@", StringComparison.Ordinal);

    // An identity or a reading: checked by its caller, so that a malformed one is reported as such, not waited out.
    private static bool IsFreeText(string line) => !IsChannelList(line) && !IsErrorEntry(line);

    // An error queue entry: "code,\"message\"" (0 when the queue is empty).
    private static bool IsErrorEntry(string line) => ErrorCode(line) is not null && line.Contains('"', StringComparison.Ordinal);

    private static int? ErrorCode(string line)
    {
        int comma = line.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && int.TryParse(line.AsSpan(0, comma), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code) ? code : null;
    }

    private static string Describe((int Code, string Message)? error) =>
        error is { } e ? string.Create(CultureInfo.InvariantCulture, $": error {e.Code}, {e.Message}") : ".";
}

using System.Globalization;
using FormationControl.Controller.Operations;
using FormationControl.Devices.Meter;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Measure;

/// <summary>
/// What <c>fc measure</c> does: one ageing session at an OCV/IR station. Every tray position N is measured on
/// multiplexer channel N + offset and stored as one <see cref="AgeingMeasurementRecord"/>. An open cell is stored
/// without ACIR and flagged; a meter error on one channel fails that cell only; a vanished meter ends the session,
/// keeping what was measured. Exit codes: <see cref="MeasureExitCodes"/>.
/// </summary>
public sealed class MeasureRun(MeasureSettings settings, TimeProvider time)
{
    // Two channels in a row without any answer: the meter is gone, not one channel.
    private const int TimeoutsBeforeAbort = 2;

    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (await CheckInputAsync(error).ConfigureAwait(false) is not { } tray)
        {
            return MeasureExitCodes.BadInput;
        }

        IMeterLink link;
        try
        {
            link = SerialMeterLink.Open(settings.Meter, settings.Line, time);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync("fc measure: meter unreachable: " + e.Message).ConfigureAwait(false);
            return MeasureExitCodes.MeterUnreachable;
        }

        await using (link.ConfigureAwait(false))
        {
            var meter = new OcvIrMeter(link, new OcvIrMeterOptions { ResponseTimeout = settings.ResponseTimeout }, time);
            string identity;
            try
            {
                identity = await meter.IdentifyAsync(cancellationToken).ConfigureAwait(false);
                await meter.ResetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or TimeoutException or MeterException)
            {
                await error.WriteLineAsync($"fc measure: meter on {settings.Meter} unreachable: {e.Message}").ConfigureAwait(false);
                return MeasureExitCodes.MeterUnreachable;
            }

            FormationStore store;
            try
            {
                store = FormationStore.Open(settings.Db, time);
            }
            catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"fc measure: cannot open the store '{settings.Db}': {e.Message}").ConfigureAwait(false);
                return MeasureExitCodes.BadInput;
            }

            await using (store.ConfigureAwait(false))
            {
                string station = settings.Station ?? StationOf(identity);
                var report = new MeasureReport(settings, identity, station);
                return await MeasureTrayAsync(meter, store, tray, station, report, output, error, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> MeasureTrayAsync(
        OcvIrMeter meter, FormationStore store, IReadOnlyDictionary<int, string> tray, string station, MeasureReport report, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var recorder = new SessionRecorder(store);
        if (!settings.Json)
        {
            await output.WriteAsync(report.Header()).ConfigureAwait(false);
        }

        bool meterGone = false, storeFailed = false;
        int timeoutsInARow = 0;
        try
        {
            foreach (var (position, cellId) in tray.OrderBy(entry => entry.Key))
            {
                int channel = position + settings.ChannelOffset;
                var history = store.GetAgeingMeasurements(cellId);
                if (history.FirstOrDefault(m => m.Session == settings.Session) is { } again)
                {
                    await error.WriteLineAsync($"fc measure: cell {cellId} already has session '{settings.Session}' (measured {again.MeasuredAt:O}); this measurement is added as a newer one").ConfigureAwait(false);
                }

                MeasuredCell cell;
                try
                {
                    var reading = await meter.MeasureAsync(channel, cancellationToken).ConfigureAwait(false);
                    timeoutsInARow = 0;
                    cell = await StoreAsync(recorder, station, position, channel, cellId, reading, history, cancellationToken).ConfigureAwait(false);
                }
                catch (MeterException e)
                {
                    cell = new MeasuredCell(position, channel, cellId, MeasuredCellStatus.Failed, null, null, null, null, e.Message);
                }
                catch (TimeoutException e) when (timeoutsInARow < TimeoutsBeforeAbort - 1)
                {
                    timeoutsInARow++;
                    cell = new MeasuredCell(position, channel, cellId, MeasuredCellStatus.Failed, null, null, null, null, e.Message);
                }

                report.Add(cell);
                if (!settings.Json)
                {
                    await output.WriteAsync(MeasureReport.Row(cell)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            meterGone = true;
            report.Aborted = $"the meter on {settings.Meter} is gone after {report.Cells.Count} of {tray.Count} position(s): {e.Message}";
        }
        catch (OperationCanceledException)
        {
            report.Aborted = $"interrupted after {report.Cells.Count} of {tray.Count} position(s)";
        }
        catch (StorageException e)
        {
            storeFailed = true;
            report.Aborted = $"the store '{settings.Db}' failed: {e.Message}";
        }

        try
        {
            // Not cancellable: what was measured is kept even when the operator interrupts.
            await recorder.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageException e)
        {
            storeFailed = true;
            report.Aborted ??= $"the store '{settings.Db}' failed: {e.Message}";
        }

        report.Stored = recorder.Stored;
        await output.WriteAsync(settings.Json ? report.ToJson() : report.Summary()).ConfigureAwait(false);
        if (report.Aborted is { } reason)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"fc measure: session '{settings.Session}' stopped: {reason}; the {report.Stored} measurement(s) taken are stored in {settings.Db}")).ConfigureAwait(false);
        }

        if (meterGone)
        {
            return MeasureExitCodes.MeterUnreachable;
        }

        return storeFailed || report.Aborted is not null || report.Count(MeasuredCellStatus.Measured) < tray.Count
            ? MeasureExitCodes.SomeCellsFailed
            : MeasureExitCodes.AllMeasured;
    }

    private async Task<MeasuredCell> StoreAsync(
        SessionRecorder recorder, string station, int position, int channel, string cellId, MeterReading reading, IReadOnlyList<AgeingMeasurementRecord> history, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        double? acir = reading.IsOpenCircuit ? null : reading.AcResistanceOhm;
        await recorder.AddAsync(
            new AgeingMeasurementRecord(0, cellId, settings.Session, station, now, reading.VoltageV, acir, settings.TemperatureC),
            cancellationToken).ConfigureAwait(false);
        if (reading.IsOpenCircuit)
        {
            return new MeasuredCell(position, channel, cellId, MeasuredCellStatus.Open, reading.VoltageV, null, null, null, null);
        }

        if (EarlierSession.LatestOf(history, settings.Session, now) is not { } earlier)
        {
            return new MeasuredCell(position, channel, cellId, MeasuredCellStatus.Measured, reading.VoltageV, acir, null, null, null);
        }

        var (k, problem) = EarlierSession.K(earlier, now, reading.VoltageV, settings.TemperatureC, settings);
        return new MeasuredCell(position, channel, cellId, MeasuredCellStatus.Measured, reading.VoltageV, acir, k, earlier.Session, problem);
    }

    private async Task<IReadOnlyDictionary<int, string>?> CheckInputAsync(TextWriter error)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.Session))
        {
            problems.Add("fc measure: --session must name the session (e.g. ocv1)");
        }

        if (settings.Station is { } station && string.IsNullOrWhiteSpace(station))
        {
            problems.Add("fc measure: --station must not be empty");
        }

        if (!double.IsFinite(settings.TemperatureC) || settings.TemperatureC is < -40 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"fc measure: --temperature {settings.TemperatureC} degC is outside -40 to 100 degC"));
        }

        if (settings.ChannelOffset < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"fc measure: --channel-offset {settings.ChannelOffset} must be 0 or more"));
        }

        if (!double.IsFinite(settings.TemperatureCoefficientVPerK) || !double.IsFinite(settings.ReferenceTemperatureC))
        {
            problems.Add("fc measure: --temperature-coefficient and --reference-temperature must be numbers");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(settings.Db));
        if (folder is not null && !Directory.Exists(folder))
        {
            problems.Add($"fc measure: the folder of the store '{settings.Db}' does not exist");
        }

        var (tray, trayProblems) = TrayFile.Load(settings.TrayFile);
        problems.AddRange(trayProblems);
        if (tray is { Count: 0 })
        {
            problems.Add($"fc measure: the tray file '{settings.TrayFile}' lists no cells");
        }

        foreach (string problem in problems)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        return problems.Count == 0 ? tray : null;
    }

    // "maker,model,serial,firmware" -> "model serial": the same meter keeps its name on another port.
    private static string StationOf(string identity)
    {
        string[] parts = identity.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length >= 3 && parts[1].Length > 0 ? $"{parts[1]} {parts[2]}".Trim() : identity.Trim();
    }
}

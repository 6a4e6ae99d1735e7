using System.Globalization;
using FormationControl.Controller.Grading;
using FormationControl.Controller.Handoff;
using FormationControl.Core.Grading;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Grade;

/// <summary>What <c>fc grade</c> does: exit 0 graded, 1 bad recipe/lot/options, 3 store or file I/O failed.</summary>
public sealed class GradeRun(string db, string recipeFile, string lot, string? outbox, string? deliverTo, bool json, TimeProvider time)
{
    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (deliverTo is not null && outbox is null)
        {
            await error.WriteLineAsync("fc grade: --deliver-to needs --outbox (the handoff is delivered from there)").ConfigureAwait(false);
            return 1;
        }

        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"fc grade: store '{db}' does not exist").ConfigureAwait(false);
            return 1;
        }

        var loaded = GradingRecipeLoader.LoadFile(recipeFile);
        if (!loaded.Succeeded)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            return 1;
        }

        try
        {
            await using var store = FormationStore.Open(db, time);
            LotGradingResult result;
            try
            {
                result = await new LotGrader(store, time).GradeAsync(lot, loaded.Recipe, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                await error.WriteLineAsync("fc grade: " + e.Message).ConfigureAwait(false);
                return 1;
            }

            HandoffRecord? handoff = null;
            if (outbox is not null)
            {
                handoff = await new HandoffOutbox(store, outbox, time).WriteAsync(result.Grading, cancellationToken).ConfigureAwait(false);
                if (deliverTo is not null)
                {
                    var delivered = await new HandoffDelivery(store, outbox, new FolderDropTarget(deliverTo), time).DeliverPendingAsync(lot, cancellationToken).ConfigureAwait(false);
                    handoff = delivered.FirstOrDefault(h => h.LotVersion == result.Grading.Version) ?? handoff;
                }
            }

            var report = GradeReport.Of(result, loaded.Recipe, handoff);
            await output.WriteAsync(json ? report.ToJson() : report.ToText()).ConfigureAwait(false);
            return handoff is { Status: HandoffStatus.Pending, LastError: not null } ? 3 : 0;
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("fc grade: " + e.Message).ConfigureAwait(false);
            return 3;
        }
    }

    internal static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}

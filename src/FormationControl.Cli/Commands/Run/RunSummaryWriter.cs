using System.Text;
using System.Text.Json;

namespace FormationControl.Cli.Commands.Run;

/// <summary>Prints a <see cref="RunSummary"/>: one line per channel and a total, or one JSON object.</summary>
internal static class RunSummaryWriter
{
    public static async Task WriteAsync(RunSummary summary, bool json, TextWriter output)
    {
        await output.WriteLineAsync(json ? ToJson(summary) : ToText(summary)).ConfigureAwait(false);
    }

    private static string ToText(RunSummary summary)
    {
        var text = new StringBuilder();
        foreach (var c in summary.Channels)
        {
            text.Append($"{c.Channel,4} {c.Target,-10} {c.Cell ?? "-",-16} {c.State,-12} {c.Reason}").AppendLine();
        }

        text.Append($"{summary.Rack}: {summary.Profile}: {summary.Completed} completed, {summary.Faulted} faulted, {summary.Refused} refused, {summary.Other} other");
        return text.ToString();
    }

    private static string ToJson(RunSummary summary)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("rack", summary.Rack);
            w.WriteString("profile", summary.Profile);
            w.WriteString("profileHash", summary.ProfileHash);
            w.WriteNumber("completed", summary.Completed);
            w.WriteNumber("faulted", summary.Faulted);
            w.WriteNumber("refused", summary.Refused);
            w.WriteNumber("other", summary.Other);
            w.WriteStartArray("channels");
            foreach (var c in summary.Channels)
            {
                w.WriteStartObject();
                w.WriteNumber("channel", c.Channel);
                w.WriteString("target", c.Target);
                w.WriteString("cell", c.Cell);
                if (c.RunId is { } id)
                {
                    w.WriteNumber("runId", id);
                }
                else
                {
                    w.WriteNull("runId");
                }

                w.WriteString("state", c.State);
                w.WriteString("reason", c.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

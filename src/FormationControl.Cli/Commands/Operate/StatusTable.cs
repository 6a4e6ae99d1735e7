using System.Globalization;
using System.Text;
using FormationControl.Controller.Hosting;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>The readable form of a <see cref="RackStatus"/>: a line per unit, then a table of channels.</summary>
internal static class StatusTable
{
    public static string Format(RackStatus status, bool all)
    {
        var text = new StringBuilder();
        var at = status.Cycles == 0 ? "not polled yet" : $"polled {status.At:yyyy-MM-dd HH:mm:ss}Z (cycle {status.Cycles})";
        text.Append(CultureInfo.InvariantCulture, $"rack {status.Rack}: {at}").AppendLine();
        foreach (var u in status.Units)
        {
            string state = u.Online ? "online" : $"OFFLINE ({u.FailedPolls} failed polls): {u.LastError}";
            text.Append(CultureInfo.InvariantCulture, $"unit {u.Name,-8} {u.Address,-28} {state}").AppendLine();
        }

        var shown = status.Channels.Where(c => all || c.RunId is not null).ToList();
        if (shown.Count > 0)
        {
            text.AppendLine("  CH UNIT/CH    STATE            CELL             RUN STEP               V        A      °C  REASON");
            foreach (var c in shown)
            {
                string step = c.Step is { } s ? $"{s} {c.StepLabel}" : "-";
                text.Append(CultureInfo.InvariantCulture,
                    $"{c.Channel,4} {c.Unit + "/" + c.UnitChannel,-10} {c.State,-16} {c.Cell ?? "-",-16} {(c.RunId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "-"),4} {step,-14} {Number(c.VoltageV, "0.000"),7} {Number(c.CurrentA, "0.000"),8} {Number(c.TemperatureC, "0.0"),7}  {c.Reason}")
                    .AppendLine();
            }
        }

        int idle = status.Channels.Count(c => c.RunId is null);
        text.Append(CultureInfo.InvariantCulture, $"{status.Channels.Count - idle} channel(s) with a run, {idle} idle").AppendLine();
        return text.ToString();
    }

    private static string Number(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}

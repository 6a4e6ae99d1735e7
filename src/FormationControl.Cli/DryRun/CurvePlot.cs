using FormationControl.Storage;
using ScottPlot;

namespace FormationControl.Cli.DryRun;

/// <summary>Voltage and current over time as a PNG, voltage on the left axis, current on the right.</summary>
public static class CurvePlot
{
    public static void SavePng(IReadOnlyList<SampleRecord> samples, string title, string path)
    {
        if (samples.Count == 0)
        {
            throw new InvalidOperationException("no samples to plot");
        }

        var start = samples[0].Time;
        double[] hours = [.. samples.Select(s => (s.Time - start).TotalHours)];
        var plot = new Plot();
        var voltage = plot.Add.Scatter(hours, samples.Select(s => s.VoltageV).ToArray());
        voltage.LegendText = "Voltage (V)";
        voltage.MarkerSize = 0;
        var current = plot.Add.Scatter(hours, samples.Select(s => s.CurrentA).ToArray());
        current.LegendText = "Current (A)";
        current.MarkerSize = 0;
        current.Axes.YAxis = plot.Axes.Right;
        plot.Title(title);
        plot.XLabel("Time (h)");
        plot.Axes.Left.Label.Text = "Voltage (V)";
        plot.Axes.Right.Label.Text = "Current (A)";
        plot.ShowLegend();
        plot.SavePng(path, 1400, 700);
    }
}

using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Commands.Profile;

/// <summary>
/// The resolved profile as text: name, version, hash, cell, safety and logging, then one row per flat step with its
/// index, label, type (indented inside loops), setpoints in A, V, W and Ohm, and its limits with their actions.
/// </summary>
public static class ProfileTable
{
    private static readonly string[] Headers = ["#", "label", "type", "setpoints", "limits -> action"];

    public static void Write(Core.Profiles.Profile profile, TextWriter output)
    {
        var (cell, safety) = (profile.Cell, profile.Safety);
        output.WriteLine($"{profile.Name} {profile.Version}");
        output.WriteLine($"sha256  {profile.Hash}");
        output.WriteLine($"cell    {cell.Chemistry}, {ProfileText.Number(cell.NominalCapacityAh)} Ah, {ProfileText.Volts(cell.NominalVoltageV)} nominal, "
            + $"{ProfileText.Volts(cell.MinVoltageV)} to {ProfileText.Volts(cell.MaxVoltageV)}, charge <= {ProfileText.Amps(cell.MaxChargeCurrentA)}, "
            + $"discharge <= {ProfileText.Amps(cell.MaxDischargeCurrentA)}, <= {ProfileText.Celsius(cell.MaxTemperatureC)}");
        string durations = (safety.MaxStepDuration is { } step ? $", step <= {ProfileText.Duration(step.TotalSeconds)}" : string.Empty)
            + (safety.MaxTotalDuration is { } total ? $", total <= {ProfileText.Duration(total.TotalSeconds)}" : string.Empty);
        output.WriteLine($"safety  {ProfileText.Volts(safety.MinVoltageV)} to {ProfileText.Volts(safety.MaxVoltageV)}, |I| < {ProfileText.Amps(safety.MaxCurrentA)}, "
            + $"< {ProfileText.Celsius(safety.MaxTemperatureC)}{durations}");
        output.WriteLine($"logging {ProfileText.Logging(profile.Logging)}; always at step boundaries");
        output.WriteLine();

        var rows = Rows(profile).ToList();
        int[] widths = [.. Enumerable.Range(0, Headers.Length).Select(c => rows.Append(Headers).Max(r => r[c].Length))];
        foreach (var row in rows.Prepend(Headers))
        {
            output.WriteLine(string.Join("  ", row.Select((cellText, c) => c == 0 ? cellText.PadLeft(widths[c]) : cellText.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static IEnumerable<string[]> Rows(Core.Profiles.Profile profile)
    {
        int depth = 0;
        foreach (var step in profile.Steps)
        {
            if (step.Type == StepType.LoopEnd)
            {
                depth--;
            }

            string type = new string(' ', 2 * depth) + ProfileJsonNames.Of(step.Type);
            yield return [step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), step.Label ?? string.Empty, type, Setpoints(step), Limits(step)];
            if (step.Type == StepType.Loop)
            {
                depth++;
            }
        }
    }

    private static string Setpoints(ProfileStep step)
    {
        var parts = new List<string>();
        if (step.CurrentA is { } current)
        {
            parts.Add($"I {ProfileText.Amps(current)}");
        }

        if (step.VoltageV is { } voltage)
        {
            parts.Add($"V {ProfileText.Volts(voltage)}");
        }

        if (step.PowerW is { } power)
        {
            parts.Add($"P {ProfileText.Number(power)} W");
        }

        if (step.ResistanceOhm is { } resistance)
        {
            parts.Add($"R {ProfileText.Number(resistance)} Ohm");
        }

        if (step.PulseLevels is { } levels)
        {
            parts.Add(string.Join(", ", levels.Select(l => $"{(l.CurrentA > 0 ? "+" : string.Empty)}{ProfileText.Amps(l.CurrentA)} {ProfileText.Duration(l.DurationS)}")));
        }

        if (step.Logging is { } logging)
        {
            parts.Add($"(log {ProfileText.Logging(logging)})");
        }

        return string.Join(", ", parts);
    }

    private static string Limits(ProfileStep step)
    {
        if (step.Loop is { } loop && step.Type == StepType.Loop)
        {
            string body = $"repeat #{loop.StartIndex + 1}..#{loop.EndIndex - 1}";
            return (loop.Count, loop.Until) switch
            {
                ({ } n, null) => $"{body}, {n} passes",
                (null, { } u) => $"{body} until {ProfileText.Condition(u.Kind, u.Value)}",
                ({ } n, { } u) => $"{body} until {ProfileText.Condition(u.Kind, u.Value)}, at most {n} passes",
                _ => body,
            };
        }

        return step.Type switch
        {
            StepType.LoopEnd => $"back to #{step.Loop!.StartIndex + 1} or on",
            StepType.End => "end of profile",
            StepType.Label => string.Empty,
            _ => string.Join("; ", step.Limits.Select(ProfileText.Limit).Concat(step.EndsByItself ? ["after the last level -> next"] : [])),
        };
    }
}

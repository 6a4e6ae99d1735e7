using System.Text.Json;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.RegisterMaps;

/// <summary>Reads and checks a register map JSON file (see <c>profiles/devices/README.md</c>).</summary>
public static class RegisterMapLoader
{
    /// <summary>Loads a map from a file.</summary>
    public static RegisterMap Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegisterMapException($"{path}: cannot read the register map: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses a map; <paramref name="source"/> names it in errors.</summary>
    public static RegisterMap Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RegisterMapException($"{source}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: invalid JSON: {e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            string name = Required(root, "name", "$", source).GetString()!;
            string? description = root.TryGetProperty("description", out var d) ? d.GetString() : null;
            var unitFields = ReadFields(root, "unitFields", "$", source);
            var ch = Required(root, "channel", "$", source);
            int count = Required(ch, "maxChannels", "$.channel", source).GetInt32();
            int stride = Required(ch, "stride", "$.channel", source).GetInt32();
            var bases = Required(ch, "base", "$.channel", source);
            ushort holdingBase = Required(bases, "holding", "$.channel.base", source).GetUInt16();
            ushort inputBase = Required(bases, "input", "$.channel.base", source).GetUInt16();
            var fields = ReadFields(ch, "fields", "$.channel", source);
            if (count < 1 || stride < 1)
            {
                throw new RegisterMapException($"{source}: $.channel: maxChannels and stride must be positive.");
            }

            foreach (var f in fields.Where(f => f.Offset + f.Length > stride))
            {
                throw new RegisterMapException($"{source}: $.channel.fields['{f.Name}']: offset {f.Offset} + length {f.Length} exceeds the stride {stride}.");
            }

            CheckOverlaps(unitFields, "$.unitFields", source);
            CheckOverlaps(fields, "$.channel.fields", source);
            return new RegisterMap(name, description, unitFields, new ChannelBlock(count, stride, holdingBase, inputBase, fields));
        }
    }

    private static List<RegisterField> ReadFields(JsonElement parent, string property, string path, string source)
    {
        var list = new List<RegisterField>();
        var array = Required(parent, property, path, source);
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            string at = $"{path}.{property}[{i++}]";
            try
            {
                list.Add(new RegisterField(
                    Required(e, "name", at, source).GetString()!,
                    ParseTable(Required(e, "table", at, source).GetString()!),
                    Required(e, "offset", at, source).GetUInt16(),
                    Enum.Parse<RegisterType>(Required(e, "type", at, source).GetString()!, ignoreCase: true),
                    e.TryGetProperty("scale", out var s) ? s.GetDouble() : 1.0,
                    e.TryGetProperty("wordOrder", out var w) ? Enum.Parse<WordOrder>(w.GetString()!, ignoreCase: true) : WordOrder.ABCD,
                    e.TryGetProperty("access", out var a) && a.GetString() == "rw" ? FieldAccess.ReadWrite : FieldAccess.Read,
                    e.TryGetProperty("unit", out var u) ? u.GetString() : null));
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
            {
                throw new RegisterMapException($"{source}: {at}: {ex.Message}", ex);
            }
        }

        return list;
    }

    private static void CheckOverlaps(List<RegisterField> fields, string path, string source)
    {
        foreach (var group in fields.GroupBy(f => f.Table))
        {
            var sorted = group.OrderBy(f => f.Offset).ToList();
            for (int i = 1; i < sorted.Count; i++)
            {
                if (sorted[i - 1].Offset + sorted[i - 1].Length > sorted[i].Offset)
                {
                    throw new RegisterMapException($"{source}: {path}: '{sorted[i - 1].Name}' and '{sorted[i].Name}' overlap in the {group.Key} table.");
                }
            }
        }
    }

    private static ModbusTable ParseTable(string table) => table switch
    {
        "holding" => ModbusTable.HoldingRegisters,
        "input" => ModbusTable.InputRegisters,
        "coil" => ModbusTable.Coils,
        "discrete" => ModbusTable.DiscreteInputs,
        _ => throw new FormatException($"table '{table}' is not one of holding, input, coil, discrete."),
    };

    private static JsonElement Required(JsonElement parent, string property, string path, string source) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value)
            ? value
            : throw new RegisterMapException($"{source}: {path}: missing required property '{property}'.");
}

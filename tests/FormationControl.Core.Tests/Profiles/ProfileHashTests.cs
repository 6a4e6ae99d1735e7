using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles;

public class ProfileHashTests
{
    private static readonly string SampleText = File.ReadAllText(ProfileJson.SamplePath("nmc-100ah-formation.json"));

    private static string HashOf(string json)
    {
        var result = ProfileLoader.Parse(json, "variant.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Profile.Hash;
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    // Every object's keys in reverse order, no whitespace at all.
    private static JsonNode? Reordered(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reordered(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Reordered)]),
        _ => node?.DeepClone(),
    };

    [Fact]
    public void Layout_and_key_order_do_not_change_the_hash()
    {
        string compactReordered = Reordered(JsonNode.Parse(SampleText))!.ToJsonString();
        Assert.NotEqual(SampleText, compactReordered);
        Assert.Equal(HashOf(SampleText), HashOf(compactReordered));
    }

    [Fact]
    public void Equal_values_spelt_differently_give_the_same_hash()
    {
        string variant = SampleText;
        variant = Replace(variant, "\"current\": \"C/50\"", "\"current\": \"2 A\"");
        variant = Replace(variant, "\"current\": \"<= C/50\"", "\"current\": \"<= 2000 mA\"");
        variant = Replace(variant, "\"voltage\": \"4.2 V\"", "\"voltage\": \"4200 mV\"");
        variant = Replace(variant, "\"maxChargeCurrent\": \"1C\"", "\"maxChargeCurrent\": \"100 A\"");
        variant = Replace(variant, "\"time\": \"30 min\"", "\"time\": \"0.5 h\"");
        variant = Replace(variant, "\"interval\": \"30 s\"", "\"interval\": \"0.5 min\"");
        variant = Replace(variant, "\"deltaVoltage\": \"5 mV\"", "\"deltaVoltage\": \"0.005 V\"");
        variant = Replace(variant, "\"current\": \"C/5\"", "\"current\": \"0.2C\"");
        variant = Replace(variant, "{ \"voltage\": \">= 3.6 V\" }", "{ \"voltage\": \">= 3600 mV\", \"then\": \"next\" }");
        Assert.Equal(HashOf(SampleText), HashOf(variant));
    }

    [Fact]
    public void Spelling_out_the_default_comm_loss_policy_keeps_the_hash_of_profiles_released_before_it_existed()
    {
        Assert.Equal(HashOf(SampleText), HashOf(Replace(SampleText, "\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"72 h\", \"onCommLoss\": \"fault\"")));
    }

    [Fact]
    public void Descriptions_and_schema_reference_are_not_part_of_the_hash()
    {
        string variant = Replace(SampleText, "\"description\": \"The graded capacity: C/5 from full to 3.0 V.\",", string.Empty);
        variant = Replace(variant, "\"$schema\": \"schema/profile.schema.json\",", string.Empty);
        Assert.Equal(HashOf(SampleText), HashOf(variant));
    }

    [Theory]
    [InlineData("\"voltage\": \">= 3.6 V\"", "\"voltage\": \">= 3.601 V\"")]
    [InlineData("\"current\": \"C/50\"", "\"current\": \"C/40\"")]
    [InlineData("\"label\": \"rest-4\"", "\"label\": \"rest-9\"")]
    [InlineData("\"name\": \"nmc-100ah-formation\"", "\"name\": \"nmc-100ah-formation-b\"")]
    [InlineData("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"")]
    [InlineData("\"chemistry\": \"NMC\"", "\"chemistry\": \"NCM\"")]
    [InlineData("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"71 h\"")]
    [InlineData("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"72 h\", \"onCommLoss\": \"resume\"")]
    [InlineData("\"deltaVoltage\": \"5 mV\"", "\"deltaVoltage\": \"5 mV\", \"deltaCurrent\": \"1 A\"")]
    [InlineData("{ \"time\": \"10 min\" }", "{ \"time\": \"10 min\", \"then\": \"end\" }")]
    [InlineData("\"type\": \"chargeCc\"", "\"type\": \"chargeCc\", \"logging\": { \"interval\": \"10 s\" }")]
    public void Any_changed_value_changes_the_hash(string from, string to)
    {
        Assert.NotEqual(HashOf(SampleText), HashOf(Replace(SampleText, from, to)));
    }

    [Fact]
    public void Step_order_is_part_of_the_hash()
    {
        string rest1 = "\"label\": \"rest-1\"";
        string rest2 = "\"label\": \"rest-2\"";
        string swapped = Replace(Replace(Replace(SampleText, rest1, "@@"), rest2, rest1), "@@", rest2);
        Assert.NotEqual(HashOf(SampleText), HashOf(swapped));
    }

    [Fact]
    public void Canonical_text_is_compact_tagged_and_in_base_units()
    {
        var profile = ProfileLoader.Parse(SampleText, "s").Profile!;
        string canonical = ProfileHash.CanonicalText(profile);
        Assert.StartsWith("{\"format\":\"formationcontrol.profile/1\",\"name\":\"nmc-100ah-formation\",\"version\":\"1.0.0\",\"cell\":{\"chemistry\":\"NMC\",\"nominalCapacityAh\":100,", canonical, StringComparison.Ordinal);
        Assert.Contains("{\"index\":0,\"label\":\"precharge\",\"type\":\"chargeCc\",\"currentA\":2,\"voltageV\":null,\"limits\":[{\"kind\":\"voltageAtLeast\",\"value\":3.6,\"action\":\"next\",\"goto\":null},{\"kind\":\"duration\",\"value\":57600,\"action\":\"fault\",\"goto\":null}],\"logging\":null}", canonical, StringComparison.Ordinal);
        Assert.Contains("\"logging\":{\"intervalS\":30,\"deltaVoltageV\":0.005,\"deltaCurrentA\":null}", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", canonical, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), profile.Hash);
    }

    [Fact]
    public void Hash_of_a_profile_built_in_code_ignores_its_hash_field_and_step_locations()
    {
        var profile = ProfileLoader.Parse(SampleText, "s").Profile!;
        var copy = profile with
        {
            Hash = "anything",
            Steps = [.. profile.Steps.Select(s => s with { Location = null })],
        };
        Assert.Equal(profile.Hash, ProfileHash.Compute(copy));
    }

    [Fact]
    public void Negative_zero_is_written_as_zero()
    {
        var profile = ProfileLoader.Parse(SampleText, "s").Profile!;
        var cold = profile with { Cell = profile.Cell with { MaxTemperatureC = 0.0 } };
        var colder = profile with { Cell = profile.Cell with { MaxTemperatureC = -0.0 } };
        Assert.Equal(ProfileHash.Compute(cold), ProfileHash.Compute(colder));
    }

    [Fact]
    public void Profiles_without_the_newer_step_members_keep_the_format_1_canonical_text()
    {
        string canonical = ProfileHash.CanonicalText(ProfileLoader.Parse(SampleText, "s").Profile!);
        foreach (string key in new[] { "powerW", "resistanceOhm", "pulse", "loop" })
        {
            Assert.DoesNotContain($"\"{key}\"", canonical, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Power_resistance_pulse_levels_and_loops_are_part_of_the_hash()
    {
        string Steps(string power, string ohms, string level, string count) => ProfileJson.With(steps: $$"""
                { "type": "chargeCp", "power": "{{power}}", "limits": [ { "time": "1 h" } ] },
                { "type": "dischargeCr", "resistance": "{{ohms}}", "limits": [ { "time": "1 h" } ] },
                { "type": "loop", "count": {{count}}, "steps": [ { "type": "pulse", "levels": [ { "discharge": "{{level}}", "duration": "10 s" } ] } ] }
            """);
        string baseline = HashOf(Steps("50 W", "1 Ohm", "1 A", "2"));
        Assert.Equal(baseline, HashOf(Steps("50000 mW", "1000 mOhm", "1000 mA", "2")));
        Assert.NotEqual(baseline, HashOf(Steps("51 W", "1 Ohm", "1 A", "2")));
        Assert.NotEqual(baseline, HashOf(Steps("50 W", "2 Ohm", "1 A", "2")));
        Assert.NotEqual(baseline, HashOf(Steps("50 W", "1 Ohm", "2 A", "2")));
        Assert.NotEqual(baseline, HashOf(Steps("50 W", "1 Ohm", "1 A", "3")));
        string canonical = ProfileHash.CanonicalText(ProfileLoader.Parse(Steps("50 W", "1 Ohm", "1 A", "2"), "s").Profile!);
        Assert.Contains("\"powerW\":50", canonical, StringComparison.Ordinal);
        Assert.Contains("\"pulse\":[{\"currentA\":-1,\"durationS\":10}]", canonical, StringComparison.Ordinal);
        Assert.Contains("\"loop\":{\"start\":2,\"end\":4,\"count\":2,\"until\":null}", canonical, StringComparison.Ordinal);
    }
}

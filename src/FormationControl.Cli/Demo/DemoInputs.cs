using FormationControl.Core.Grading;
using FormationControl.Core.Profiles;
using FormationControl.Devices.RegisterMaps;

namespace FormationControl.Cli.Demo;

/// <summary>
/// The demo's profile, grading recipe and register map: the files given on the command line, or the
/// copies of the samples embedded in <c>fc</c> so the demo runs from any folder.
/// </summary>
public static class DemoInputs
{
    /// <summary>Loads a profile, or returns the error lines to print (file:line:column: path: message).</summary>
    public static (Profile? Profile, IReadOnlyList<string> Errors) LoadProfile(string? path)
    {
        var result = path is null ? ProfileLoader.Parse(Embedded("profile.json"), "<embedded>/nmc-100ah-formation.json") : ProfileLoader.LoadFile(path);
        return (result.Profile, result.Diagnostics.Select(d => d.ToString()).ToList());
    }

    public static (GradingRecipe? Recipe, IReadOnlyList<string> Errors) LoadRecipe(string? path)
    {
        var result = path is null ? GradingRecipeLoader.Parse(Embedded("recipe.json"), "<embedded>/nmc-100ah-ageing-robust.json") : GradingRecipeLoader.LoadFile(path);
        return (result.Recipe, result.Diagnostics.Select(d => d.ToString()).ToList());
    }

    /// <summary>Loads the storage-charge profile run before ageing, or returns the error lines to print.</summary>
    public static (Profile? Profile, IReadOnlyList<string> Errors) LoadStorageProfile(string? path)
    {
        var result = path is null ? ProfileLoader.Parse(Embedded("storage-profile.json"), "<embedded>/nmc-100ah-storage-charge.json") : ProfileLoader.LoadFile(path);
        return (result.Profile, result.Diagnostics.Select(d => d.ToString()).ToList());
    }

    public static RegisterMap LoadMap(string? path) =>
        path is null ? RegisterMapLoader.Parse(Embedded("register-map.json"), "<embedded>/sim-cycler-v1.json") : RegisterMapLoader.Load(path);

    private static string Embedded(string name)
    {
        using var stream = typeof(DemoInputs).Assembly.GetManifestResourceStream("defaults/" + name)
            ?? throw new InvalidOperationException($"fc was built without its embedded default '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

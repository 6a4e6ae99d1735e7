namespace FormationControl.Controller.Tests.Support;

/// <summary>Files of the repository the tests read (samples, register maps).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SimMap => Path.Combine(Root, "profiles", "devices", "sim-cycler-v1.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FormationControl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FormationControl.sln not found");
    }
}

namespace FormationControl.Controller.Tests.Support;

/// <summary>Files of the repository the controller tests read.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryFiles.Root;

    public static string SimMap => RepositoryFiles.Path("profiles", "devices", "sim-cycler-v1.json");
}

namespace FormationControl.Devices.Tests;

/// <summary>Finds files of the repository (register maps, profiles) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FormationControl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FormationControl.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace FormationControl.Testing;

/// <summary>Files of the repository the tests read (register maps, profiles): found from the test's output folder.</summary>
public static class RepositoryFiles
{
    /// <summary>The first folder above the test output that holds FormationControl.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository's root.</summary>
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

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds FormationControl.sln.");
    }
}

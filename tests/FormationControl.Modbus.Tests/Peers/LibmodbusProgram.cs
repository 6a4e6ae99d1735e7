namespace FormationControl.Modbus.Tests.Peers;

/// <summary>The libmodbus peers of tools/peers/*.c, compiled by tools/test.sh into tools/peers/bin/.</summary>
internal static class LibmodbusProgram
{
    public static string Find(string name)
    {
        string path = Path.Combine(RepositoryFiles.Root, "tools", "peers", "bin", name);
        if (!File.Exists(path))
        {
            Assert.Fail(
                $"Test peer '{name}' not found at {path}. tools/test.sh compiles tools/peers/{name}.c with libmodbus " +
                $"(apt-get install -y gcc pkg-config libmodbus-dev); or run: gcc -O2 -o {path} tools/peers/{name}.c $(pkg-config --cflags --libs libmodbus)");
        }

        return path;
    }
}

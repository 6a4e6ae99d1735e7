using Xunit.Sdk;

namespace FormationControl.Modbus.Tests.Peers;

public class ExternalProgramTests
{
    [Fact]
    public void A_missing_peer_fails_the_test_naming_the_peer_and_its_install()
    {
        var e = Assert.Throws<FailException>(() =>
            ExternalProgram.Find("no-such-modbus-peer", "/nonexistent/no-such-modbus-peer", "apt-get install -y no-such-modbus-peer"));

        Assert.Contains("Test peer 'no-such-modbus-peer' not found", e.Message);
        Assert.Contains("apt-get install", e.Message);
    }
}

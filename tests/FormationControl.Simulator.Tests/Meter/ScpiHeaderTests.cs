using FormationControl.Simulator.Meter;

namespace FormationControl.Simulator.Tests.Meter;

public sealed class ScpiHeaderTests
{
    [Theory]
    [InlineData("ROUT:CLOS", "ROUTe:CLOSe", true)]
    [InlineData("route:close", "ROUTe:CLOSe", true)]
    [InlineData(":Rout:Clos", "ROUTe:CLOSe", true)]
    [InlineData("ROUTE:CLO", "ROUTe:CLOSe", false)]
    [InlineData("ROUT:CLOS?", "ROUTe:CLOSe", false)]
    [InlineData("SYST:ERR?", "SYSTem:ERRor[:NEXT]?", true)]
    [InlineData("SYSTEM:ERROR:NEXT?", "SYSTem:ERRor[:NEXT]?", true)]
    [InlineData("SYST:ERR:NEX?", "SYSTem:ERRor[:NEXT]?", false)]
    [InlineData("*idn?", "*IDN?", true)]
    [InlineData("FETC?", "FETCh?", true)]
    [InlineData("FETCH?", "FETCh?", true)]
    public void Matches_short_and_long_forms_in_any_case(string header, string pattern, bool matches)
    {
        Assert.Equal(matches, ScpiHeader.Matches(header, pattern));
    }
}

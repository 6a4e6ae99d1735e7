using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Tests.Cycler;

public sealed class AddressRangeTests
{
    [Fact]
    public void Is_half_open()
    {
        var range = new AddressRange(1000, 1016);
        Assert.Equal(16, range.Length);
        Assert.True(range.Contains(1000));
        Assert.True(range.Contains(1015));
        Assert.False(range.Contains(1016));
        Assert.False(range.Contains(999));
    }

    [Fact]
    public void Overlap_needs_a_shared_address_and_never_involves_an_empty_range()
    {
        var range = new AddressRange(10, 20);
        Assert.True(range.Overlaps(new AddressRange(19, 30)));
        Assert.False(range.Overlaps(new AddressRange(20, 30)));
        Assert.False(range.Overlaps(AddressRange.Empty));
        Assert.False(new AddressRange(15, 15).Overlaps(range));
    }
}

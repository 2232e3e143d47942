using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hangar.Core.Pagination;
using Xunit;

namespace Hangar.Core.Tests.Pagination;

public sealed class PageCursorTests
{
    [Property]
    public Property EncodeThenDecode_RoundTrips() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<Guid>()), Arb.From(Gen.Elements(SortOrder.Ascending, SortOrder.Descending)), Arb.From(ArbMap.Default.GeneratorFor<string>()),
            (id, order, query) =>
            {
                var cursor = new PageCursor(id, order, PageCursor.Fingerprint(query ?? ""));
                return PageCursor.TryDecode(cursor.Encode(), out var decoded) && decoded == cursor;
            });

    [Property]
    public Property ArbitraryText_NeverThrows_AndRarelyDecodes() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string>()), text =>
        {
            var decoded = PageCursor.TryDecode(text, out var cursor);
            return !decoded || cursor is not null;
        });

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("YzF8eHwxMjN8YWJj")]
    [InlineData("YzJ8YXwwMWEyMDlhMjdmOTc3NTdiYWVmYjI3ZDYyOTIxOGQ5NHxhYmM")]
    public void Malformed_IsRejected(string text) => Assert.False(PageCursor.TryDecode(text, out _));

    [Fact]
    public void Fingerprint_DiffersBetweenQueries() =>
        Assert.NotEqual(PageCursor.Fingerprint("name:'a'"), PageCursor.Fingerprint("name:'b'"));
}

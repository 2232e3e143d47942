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

    // A cursor is base64url of "c1|a|<32 hex digits>|<fingerprint>": text that is not one must never decode, and
    // a cursor with one character changed must decode to nothing or to a cursor that encodes and decodes to itself.
    [Property]
    public Property ArbitraryText_NeverThrows_AndNeverDecodes() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string>()), text => !PageCursor.TryDecode(text, out _));

    [Property]
    public Property ChangedCursor_NeverThrows_AndDecodesOnlyToAWellFormedCursor() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<Guid>()), Arb.From(ArbMap.Default.GeneratorFor<PositiveInt>()), Arb.From(ArbMap.Default.GeneratorFor<char>()),
            (id, position, replacement) =>
            {
                var encoded = new PageCursor(id, SortOrder.Descending, PageCursor.Fingerprint("name:'a'")).Encode().ToCharArray();
                encoded[position.Get % encoded.Length] = replacement;
                return !PageCursor.TryDecode(new string(encoded), out var cursor)
                    || (PageCursor.TryDecode(cursor.Encode(), out var again) && again == cursor && !cursor.QueryFingerprint.Contains('|', StringComparison.Ordinal));
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

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Hangar.Core.Search;

// A hand-written scanner rather than a regex, because every error names the position where the input
// stopped making sense. Positions are 0-based character offsets into the query text.
// Nothing here throws on bad input: each step returns false and leaves the message in _error.
internal sealed class SearchParser(string text)
{
    private readonly string _text = text ?? string.Empty;
    private int _position;
    private string _error = string.Empty;

    public SearchParseResult Parse()
    {
        if (string.IsNullOrWhiteSpace(_text))
        {
            return SearchParseResult.Failure("search query is empty");
        }

        if (_text.Length > SearchSyntax.MaxQueryLength)
        {
            return SearchParseResult.Failure(
                $"search query is {_text.Length} characters long; at most {SearchSyntax.MaxQueryLength} are allowed");
        }

        var clauses = new List<SearchClause>();
        while (true)
        {
            if (!TryParseClause(out var clause))
            {
                return SearchParseResult.Failure(_error);
            }

            clauses.Add(clause);
            if (_position == _text.Length)
            {
                return SearchQuery.TryCreate(clauses, out var query, out var error)
                    ? SearchParseResult.Success(query)
                    : SearchParseResult.Failure(error);
            }

            if (!TrySkipSeparator())
            {
                return SearchParseResult.Failure(_error);
            }

            if (clauses.Count == SearchSyntax.MaxClauses)
            {
                return SearchParseResult.Failure($"at most {SearchSyntax.MaxClauses} clauses are allowed");
            }
        }
    }

    private bool TryParseClause([NotNullWhen(true)] out SearchClause? clause)
    {
        clause = null;
        if (!TryParseField(out var field) || !TryParseOperator(field, out var op) || !TryParseValue(out var value))
        {
            return false;
        }

        clause = new SearchClause(field, op, value);
        return true;
    }

    private bool TryParseField([NotNullWhen(true)] out string? field)
    {
        field = null;
        var start = _position;
        if (start == _text.Length || !SearchSyntax.IsFieldStart(_text[start]))
        {
            return Fail(start < _text.Length && char.IsAsciiLetterUpper(_text[start])
                ? $"field names are lowercase: unexpected '{_text[start]}' at position {start}"
                : $"expected a field name at position {start}");
        }

        while (_position < _text.Length && SearchSyntax.IsFieldPart(_text[_position]))
        {
            _position++;
        }

        if (_position < _text.Length && char.IsAsciiLetterUpper(_text[_position]))
        {
            return Fail($"field names are lowercase: unexpected '{_text[_position]}' at position {_position}");
        }

        if (_position - start > SearchSyntax.MaxFieldLength)
        {
            return Fail($"field name longer than {SearchSyntax.MaxFieldLength} characters at position {start}");
        }

        field = _text[start.._position];
        return true;
    }

    private bool TryParseOperator(string field, out SearchOperator op)
    {
        op = default;
        if (_position == _text.Length)
        {
            return Fail($"expected an operator after field '{field}' at position {_position}");
        }

        var followedByEquals = _position + 1 < _text.Length && _text[_position + 1] == '=';
        (op, var length) = _text[_position] switch
        {
            ':' => (SearchOperator.Equals, 1),
            '-' => (SearchOperator.ContainsIgnoreCase, 1),
            '~' => (SearchOperator.Contains, 1),
            '<' when followedByEquals => (SearchOperator.LessThanOrEqual, 2),
            '<' => (SearchOperator.LessThan, 1),
            '>' when followedByEquals => (SearchOperator.GreaterThanOrEqual, 2),
            '>' => (SearchOperator.GreaterThan, 1),
            _ => (default, 0),
        };

        if (length == 0)
        {
            return Fail($"unknown operator at position {_position} (operators are : - ~ < <= > >=)");
        }

        _position += length;
        return true;
    }

    private bool TryParseValue([NotNullWhen(true)] out SearchValue? value)
    {
        value = null;
        if (_position == _text.Length || _text[_position] == ' ')
        {
            return Fail($"expected a value at position {_position}");
        }

        return _text[_position] == '\'' ? TryParseString(out value) : TryParseBareValue(out value);
    }

    private bool TryParseString([NotNullWhen(true)] out SearchValue? value)
    {
        value = null;
        var start = _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position == _text.Length)
            {
                return Fail($"unterminated string starting at position {start}");
            }

            var c = _text[_position];
            if (c == '\'')
            {
                _position++;
                break;
            }

            if (c == '\\')
            {
                if (_position + 1 == _text.Length)
                {
                    return Fail($"unterminated string starting at position {start}");
                }

                c = _text[_position + 1];
                if (c is not ('\'' or '\\'))
                {
                    // A control character is named rather than echoed, so the message stays on one readable line.
                    var escape = char.IsControl(c) ? $"(backslash before U+{(int)c:X4})" : $"'\\{c}'";
                    return Fail($"invalid escape {escape} at position {_position} (only \\' and \\\\ are allowed in strings)");
                }

                _position++;
            }

            builder.Append(c);
            _position++;
        }

        if (builder.Length > SearchSyntax.MaxValueLength)
        {
            return Fail($"value longer than {SearchSyntax.MaxValueLength} characters at position {start}");
        }

        value = SearchValue.FromString(builder.ToString());
        return true;
    }

    // Booleans and numbers are bare and run to the next space (the start of " and ") or the end.
    private bool TryParseBareValue([NotNullWhen(true)] out SearchValue? value)
    {
        value = null;
        var start = _position;
        var end = _text.IndexOf(' ', start);
        _position = end < 0 ? _text.Length : end;
        var token = _text.AsSpan(start, _position - start);

        if (token.Length > SearchSyntax.MaxValueLength)
        {
            return Fail($"value longer than {SearchSyntax.MaxValueLength} characters at position {start}");
        }

        if (token is "true" or "false")
        {
            value = SearchValue.FromBoolean(token is "true");
            return true;
        }

        if (IsNumber(token))
        {
            if (!decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return Fail($"number out of range at position {start}");
            }

            value = SearchValue.FromNumber(number);
            return true;
        }

        return Fail(token[0] == '"'
            ? $"strings must be single-quoted at position {start}"
            : $"invalid value at position {start} (quote strings like 'text'; booleans are true or false; numbers look like -12.5)");
    }

    // -?[0-9]+(\.[0-9]+)?
    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        var digits = token.StartsWith("-") ? token[1..] : token;
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? "1" : digits[(dot + 1)..];
        return whole.Length > 0 && fraction.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }

    private bool TrySkipSeparator()
    {
        var rest = _text.AsSpan(_position);
        if (rest.StartsWith(SearchSyntax.Separator, StringComparison.Ordinal))
        {
            _position += SearchSyntax.Separator.Length;
            return _position < _text.Length || Fail($"expected a clause after ' and ' at position {_position}");
        }

        if (rest is " and")
        {
            return Fail($"expected a clause after ' and ' at position {_text.Length}");
        }

        if (rest.StartsWith(" or ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"'or' is not supported at position {_position + 1}; clauses can only be joined with ' and '");
        }

        return Fail($"expected ' and ' between clauses at position {_position}");
    }

    private bool Fail(string error)
    {
        _error = error;
        return false;
    }
}

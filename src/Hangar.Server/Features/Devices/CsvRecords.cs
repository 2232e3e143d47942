using System.Text;

namespace Hangar.Server.Features.Devices;

/// <summary>
/// RFC 4180 CSV: comma-separated fields; double-quoted fields may hold commas, newlines (PEM certificates) and
/// doubled quotes. Blank lines are skipped.
/// </summary>
internal static class CsvRecords
{
    public static bool TryParse(string text, out List<List<string>> records, out string error)
    {
        records = [];
        error = "";
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var closedQuote = false;
        var inRecord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    closedQuote = true;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c is ',' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                closedQuote = false;
                if (c == '\n')
                {
                    End(records, fields, inRecord || fields.Count > 1 || fields[0].Length > 0);
                    inRecord = false;
                }
                else
                {
                    inRecord = true;
                }
            }
            else if (c == '\r')
            {
                continue;
            }
            else if (closedQuote || (c == '"' && field.Length > 0))
            {
                error = $"record {records.Count + 1}: a quoted field must be quoted whole, with inner quotes doubled.";
                return false;
            }
            else if (c == '"')
            {
                quoted = true;
                inRecord = true;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            error = $"record {records.Count + 1}: a quoted field is never closed.";
            return false;
        }

        fields.Add(field.ToString());
        End(records, fields, inRecord || fields.Count > 1 || fields[0].Length > 0);
        return true;
    }

    private static void End(List<List<string>> records, List<string> fields, bool hasContent)
    {
        if (hasContent)
        {
            records.Add(fields.ToList());
        }

        fields.Clear();
    }
}

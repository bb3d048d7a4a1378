using System.Text;
using System.Text.Json;
using CsCheck;
using SupportQueue.Silo.Security;

namespace SupportQueue.Silo.Tests;

/// <summary>The desks a request body names, for the key check: what the endpoint's reader would see.</summary>
public sealed class BodyDesksTests
{
    [Theory]
    [InlineData("""{"ticketId":"t1","deskId":"a","priority":"P2"}""", "a")]
    [InlineData("""{"DESKID":"a"}""", "a")]
    [InlineData("""{"deskId":"a","DeskId":"b"}""", "a,b")]
    [InlineData("""{"desk\u0049d":"b"}""", "b")]
    [InlineData("""{"deskId":"d\u00e9sk"}""", "désk")]
    [InlineData("""{"other":{"deskId":"nested"},"deskId":"top"}""", "top")]
    [InlineData("""{"deskIds":"x","desk":"y","deskId":5,"deskId":null,"deskId":["z"]}""", "")]
    [InlineData("""  { "deskId" : "a" }  """, "a")]
    [InlineData("""["deskId","a"]""", "")]
    [InlineData("\"a\"", "")]
    [InlineData("", "")]
    [InlineData("""{"deskId":"a"} {"deskId":"b"}""", "")]
    [InlineData("""{"deskId":"a""", "")]

    // The endpoint's dialect skips comments and allows trailing commas and a byte order mark: a
    // desk named there is a desk the endpoint reads.
    [InlineData("""{"deskId":"a",}""", "a")]
    [InlineData("""{"deskId":"a"} // after""", "a")]
    [InlineData("""{"ticketId":"t1",/* c */"deskId":"b"}""", "b")]
    [InlineData("{\"deskId\": // c\n\"b\"}", "b")]
    [InlineData("\uFEFF{\"deskId\":\"b\"}", "b")]
    public void Names_the_top_level_deskId_strings_of_one_valid_object(string body, string desks)
    {
        Assert.Equal(desks, string.Join(",", BodyDesks.Scan(Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public void Agrees_with_a_parsed_document_on_any_body()
    {
        var names = OneOf("deskId", "DESKID", "deskid", "desk\\u0049d", "ticketId", "desk", "deskIdx", "a");
        var values = OneOf("\"a\"", "\"b\\u0041\"", "5", "null", "[\"x\"]", "{\"deskId\":\"n\"}", "true");
        var property = Gen.Select(names, values, (n, v) => $"\"{n}\":{v}");
        var separators = OneOf(",", ",/* c */", "/**/,", ", // c\n");
        var bodies = Gen.Select(property.Array[0, 5], separators, OneOf("", ",", "}", " x", "]", "/* c */", " // c"), Gen.Bool, (p, separator, tail, bom) =>
            (bom ? "\uFEFF" : "") + "{" + string.Join(separator, p) + "}" + tail);

        bodies.Sample(body => Assert.Equal(Parsed(body), BodyDesks.Scan(Encoding.UTF8.GetBytes(body))));
    }

    private static Gen<string> OneOf(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    // The reference: the whole body as a document read as the endpoint reads it (SupportQueueJson's
    // dialect: comments, trailing commas, a byte order mark), its top-level properties named deskId in any case.
    private static List<string> Parsed(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.TrimStart('\uFEFF'), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? []
                : [.. document.RootElement.EnumerateObject()
                    .Where(p => p.Name.Equals("deskId", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                    .Select(p => p.Value.GetString()!)];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

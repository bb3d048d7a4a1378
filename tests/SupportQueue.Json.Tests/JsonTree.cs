using System.Text.Json.Nodes;

namespace SupportQueue.Testing;

/// <summary>Every node below a JSON node, depth first: the places a fuzz case may mutate. Shared with the REST fuzz (linked).</summary>
internal static class JsonTree
{
    public static void Walk(JsonNode node, List<JsonNode> into)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value).ToList(),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                into.Add(child);
                Walk(child, into);
            }
        }
    }
}

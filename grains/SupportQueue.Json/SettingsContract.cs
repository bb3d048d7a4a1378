using System.Text.Json.Serialization.Metadata;
using SupportQueue.Core.Model;

namespace SupportQueue.Json;

/// <summary>
/// Adjusts the serializer's view of the engine's types: members computed from others
/// (<c>TierCount</c>, <c>HorizonMinutes</c> …) are outputs, not fields of the file, so they are
/// neither written nor accepted; and a few fields must be given because no default makes sense.
/// </summary>
internal static class SettingsContract
{
    /// <summary>Field names that must be present; the rest may be left out and keep their defaults.</summary>
    private static readonly Dictionary<Type, string[]> _requiredFields = new()
    {
        [typeof(TierSettings)] = ["name"],
        [typeof(EscalationRule)] = ["kind"],
        [typeof(SlaTarget)] = ["priority"],
        [typeof(BorrowingSettings)] = ["enabled"],
    };

    public static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        // Only the engine's types: an API response type may well want a computed member written.
        if (info.Type.Assembly == typeof(DeskSettings).Assembly)
        {
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].Set is null && info.Properties[i].AssociatedParameter is null)
                {
                    info.Properties.RemoveAt(i);
                }
            }
        }

        if (_requiredFields.TryGetValue(info.Type, out var required))
        {
            foreach (var property in info.Properties)
            {
                if (required.Contains(property.Name))
                {
                    property.IsRequired = true;
                }
            }
        }
    }
}

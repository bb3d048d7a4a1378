using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using SupportQueue.Core.Model;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;

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
        [typeof(ShiftTemplateSpec)] = ["name", "tier", "startTimes", "lengths", "costPerPaidHour"],
        [typeof(BreakRuleSpec)] = ["length", "earliestStart", "latestStart"],
        [typeof(PlanSolverSpec)] = ["timeLimit"],
    };

    /// <summary>The scenario file's scheduling section, read only by the planner.</summary>
    public const string SchedulingField = "scheduling";

    /// <summary>Engine members that carry data read from other files (a trace, a volume CSV): never fields of a settings file.</summary>
    private static readonly Dictionary<Type, string[]> _loadedFields = new()
    {
        [typeof(Core.Simulation.Scenario)] = ["arrivals"],
        [typeof(Core.Demand.DemandProfile)] = ["volumeTable"],
    };

    private static readonly MethodInfo _isSet = typeof(SettingsContract).GetMethod(nameof(IsSet), BindingFlags.NonPublic | BindingFlags.Static)!;

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

        if (_loadedFields.TryGetValue(info.Type, out var loaded))
        {
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (loaded.Contains(info.Properties[i].Name))
                {
                    info.Properties.RemoveAt(i);
                }
            }
        }

        // The engine uses default (unset) arrays for "none given"; they cannot be enumerated, so
        // they are left out when writing and read back as the same default.
        foreach (var property in info.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                property.ShouldSerialize = (Func<object, object?, bool>)_isSet.MakeGenericMethod(property.PropertyType.GetGenericArguments()[0])
                    .CreateDelegate(typeof(Func<object, object?, bool>));
            }
        }

        // A scenario file may carry the plan's scheduling section (ScenarioPlanJson reads it). To
        // every other reader it is a known field: checked against the dialect, then set aside.
        if (info.Type == typeof(Scenario))
        {
            var scheduling = info.CreateJsonPropertyInfo(typeof(SchedulingSpec), SchedulingField);
            scheduling.Set = static (_, _) => { };
            info.Properties.Add(scheduling);
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

    private static bool IsSet<T>(object owner, object? value) => value is ImmutableArray<T> { IsDefault: false };
}

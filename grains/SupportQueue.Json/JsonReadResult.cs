namespace SupportQueue.Json;

/// <summary>
/// The outcome of reading JSON input: the value, or what is wrong with it. <see cref="InputError"/>
/// is set when the text could not be read as the expected shape (syntax, unknown or duplicate
/// field, wrong type); <see cref="Errors"/> then holds its rendering. When the text was read but
/// the value means nothing usable, <see cref="Errors"/> holds the engine's validation lines
/// ("path: value — reason") and <see cref="InputError"/> is null.
/// </summary>
public sealed record JsonReadResult<T>(T? Value, IReadOnlyList<string> Errors, JsonInputError? InputError = null)
    where T : class
{
    public bool IsValid => Value is not null && Errors.Count == 0;

    public static JsonReadResult<T> Success(T value) => new(value, []);

    public static JsonReadResult<T> Failure(JsonInputError error) => new(null, [error.ToString()], error);

    public static JsonReadResult<T> Invalid(IReadOnlyList<string> validationErrors) => new(null, validationErrors);
}

namespace TipReferral.Testing;

/// <summary>Waits for something that happens asynchronously (a consumer, a projection, a timer) by polling, never by a fixed sleep.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string? what = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what ?? "The condition"} did not hold within {limit}.");
            }

            await Task.Delay(50);
        }
    }
}

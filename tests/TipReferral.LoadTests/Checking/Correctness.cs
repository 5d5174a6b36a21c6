using Npgsql;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.LoadTests.Hosting;
using TipReferral.LoadTests.Workflows;
using TipReferral.Testing;

namespace TipReferral.LoadTests.Checking;

/// <summary>What a run must have left behind, whatever its speed: read from the services' APIs and their own stores.</summary>
public static class Correctness
{
    /// <summary>The problems found; none when the run was correct.</summary>
    /// <param name="caseIds">The cases of the workflows that completed.</param>
    /// <param name="registeredCaseIds">Every case the run registered, completed or not.</param>
    public static async Task<IReadOnlyList<string>> CheckAsync(
        SystemUnderLoad system, IReadOnlyCollection<string> caseIds, IReadOnlyCollection<string> registeredCaseIds, IReadOnlyList<string> shelterIds)
    {
        var problems = new List<string>();
        await EveryCaseClosedAsync(system, caseIds, problems);
        await OccupancyMatchesAdmissionsAsync(system, registeredCaseIds, shelterIds, problems);
        await EveryConsumerHandledTheSameMessagesPerCaseAsync(system, caseIds, problems);

        return problems;
    }

    private static async Task EveryCaseClosedAsync(SystemUnderLoad system, IReadOnlyCollection<string> caseIds, List<string> problems)
    {
        var referrals = system.Client<Referrals.ReferralsClient>(system.Repatriation, ReferralWorkflow.CaseWorker);
        foreach (var caseId in caseIds)
        {
            var status = (await referrals.GetReferralAsync(new GetReferralRequest { CaseId = caseId })).Status;
            if (status != ReferralStatus.Closed)
            {
                problems.Add($"repatriation: case {caseId} is {status}, not closed");
            }
        }
    }

    /// <summary>Each shelter's occupancy (its own projection) equals the cases its case streams say are in it: admitted and not discharged.</summary>
    private static async Task OccupancyMatchesAdmissionsAsync(SystemUnderLoad system, IReadOnlyCollection<string> caseIds, IReadOnlyList<string> shelterIds, List<string> problems)
    {
        var cases = system.Client<ShelterCases.ShelterCasesClient>(system.Shelter, ReferralWorkflow.ShelterStaff);
        var inShelter = shelterIds.ToDictionary(id => id, _ => 0);
        foreach (var caseId in caseIds)
        {
            ShelterCaseDetails details;
            try
            {
                details = await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                // A workflow that failed before its case reached the shelter service.
                continue;
            }

            if (details.Status == PlacementStatus.InShelter)
            {
                inShelter[details.CurrentPlacement.ShelterId]++;
            }
        }

        var occupancy = await system.Client<Shelters.SheltersClient>(system.Shelter, DemoUsers.For(Roles.ShelterStaff, "IT"))
            .GetOccupancyAsync(new GetOccupancyRequest { Country = "IT" });
        foreach (var shelterId in shelterIds)
        {
            var occupied = occupancy.Shelters.Single(shelter => shelter.ShelterId == shelterId).Occupied;
            if (occupied != inShelter[shelterId])
            {
                problems.Add($"shelter: {shelterId} shows {occupied} occupied, its cases say {inShelter[shelterId]}");
            }
        }
    }

    /// <summary>
    /// Every workflow made the same calls, so every consumer of every service handled the same
    /// number of integration events about each case; the inbox (one processed-message mark per
    /// consumer and message, the message id being the producer's stored event id) shows which.
    /// A message lost leaves its case short; one applied twice would need two marks, which the
    /// inbox's key forbids, so the count per case also checks that key holds.
    /// </summary>
    private static async Task EveryConsumerHandledTheSameMessagesPerCaseAsync(SystemUnderLoad system, IReadOnlyCollection<string> caseIds, List<string> problems)
    {
        var ids = caseIds.Select(Guid.Parse).ToArray();
        var caseOfEvent = new Dictionary<Guid, Guid>();
        foreach (var producer in system.Services)
        {
            await foreach (var (eventId, caseId) in ReadAsync(producer, $"select id, stream_id from \"{SchemaOf(producer.Name)}\".mt_events where stream_id = any(@ids)", ids,
                reader => (reader.GetGuid(0), reader.GetGuid(1))))
            {
                caseOfEvent[eventId] = caseId;
            }
        }

        foreach (var consumer in system.Services)
        {
            var handled = new Dictionary<(string Consumer, Guid CaseId), int>();
            foreach (var mark in await InboxMarksAsync(consumer, ids))
            {
                var (name, messageId) = (mark[..mark.LastIndexOf('/')], Guid.ParseExact(mark[(mark.LastIndexOf('/') + 1)..], "N"));
                if (caseOfEvent.TryGetValue(messageId, out var caseId))
                {
                    handled[(name, caseId)] = handled.GetValueOrDefault((name, caseId)) + 1;
                }
            }

            foreach (var byConsumer in handled.GroupBy(entry => entry.Key.Consumer))
            {
                var counts = ids.ToDictionary(id => id, id => handled.GetValueOrDefault((byConsumer.Key, id)));
                var usual = counts.Values.GroupBy(count => count).OrderByDescending(group => group.Count()).First().Key;
                foreach (var (caseId, count) in counts.Where(entry => entry.Value != usual))
                {
                    problems.Add($"{consumer.Name}: {byConsumer.Key} handled {count} message(s) about case {caseId}, {usual} about the others");
                }
            }

            if (handled.Count == 0 && consumer != system.Identification)
            {
                problems.Add($"{consumer.Name}: no consumer handled any message about the run's cases");
            }
        }
    }

    /// <summary>The ids of the consumer service's processed-message marks: "{consumer}/{message id}".</summary>
    private static async Task<List<string>> InboxMarksAsync(ServiceProcess service, Guid[] ids)
    {
        // Marten creates the inbox's table with its first mark.
        var inbox = $"\"{SchemaOf(service.Name)}\".mt_doc_processedmessage";
        var marks = new List<string>();
        await foreach (var exists in ReadAsync(service, $"select to_regclass('{inbox}') is not null", ids, reader => reader.GetBoolean(0)))
        {
            if (!exists)
            {
                return marks;
            }
        }

        await foreach (var mark in ReadAsync(service, $"select id from {inbox}", ids, reader => reader.GetString(0)))
        {
            marks.Add(mark);
        }

        return marks;
    }

    private static async IAsyncEnumerable<T> ReadAsync<T>(ServiceProcess service, string sql, Guid[] ids, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(sql, connection);
        query.Parameters.AddWithValue("ids", ids);
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return read(reader);
        }
    }

    public static string SchemaOf(string serviceName) => serviceName == "legal-assistance" ? "legal" : serviceName;


    /// <summary>Waits until no service appends anything for a while: consumers and timers have settled.</summary>
    public static async Task QuiesceAsync(SystemUnderLoad system, TimeSpan quiet, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        long? last = null;
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            long total = 0;
            foreach (var service in system.Services)
            {
                await using var connection = new NpgsqlConnection(service.Database);
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from \"{SchemaOf(service.Name)}\".mt_events", connection);
                total += Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (total != last)
            {
                last = total;
                stableSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - stableSince >= quiet)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The services were still appending events after {patience}.");
    }
}

using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace TipReferral.Identification.Cases;

/// <summary>
/// The name index inverted: which cases hold each keyed trigram hash. The duplicate check and the
/// name search count each case's shares in this narrow table instead of reading every document
/// that shares a trigram, so their cost follows the cases sharing the query's trigrams, at a few
/// microseconds each. Kept inline, in the transaction that changes a case's names.
/// </summary>
public sealed partial class NameGramsProjection : EventProjection
{
    public const string TableName = "name_grams";

    public NameGramsProjection(string schema)
    {
        SchemaObjects.Add(new NameGramsTable(schema));
    }

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add(new NameGramsProjection(opts.DatabaseSchemaName), ProjectionLifecycle.Inline);
    }

    public static void Project(IEvent<PresumedVictimRegistered> e, IDocumentOperations operations) => Replace(operations, e.StreamId, e.Data.NameIndex);

    public static void Project(IEvent<PersonalDetailsCorrected> e, IDocumentOperations operations) => Replace(operations, e.StreamId, e.Data.NameIndex);

    public static void Project(IEvent<PersonalDataErased> e, IDocumentOperations operations) => Replace(operations, e.StreamId, []);

    private static void Replace(IDocumentOperations operations, Guid caseId, IReadOnlyList<int> nameIndex)
    {
        var table = $"{operations.DocumentStore.Options.DatabaseSchemaName}.{TableName}";
        operations.QueueSqlCommand($"delete from {table} where case_id = ?", caseId);
        if (nameIndex.Count > 0)
        {
            operations.QueueSqlCommand(
                $"insert into {table} (gram, case_id) select distinct unnest(?), ? on conflict do nothing", nameIndex.ToArray(), caseId);
        }
    }

    /// <summary>Created filled: a database that already holds cases gets their trigrams from the name index of their documents.</summary>
    private sealed class NameGramsTable : Table
    {
        public NameGramsTable(string schema)
            : base($"{schema}.{TableName}")
        {
            AddColumn<int>("gram").AsPrimaryKey();
            AddColumn<Guid>("case_id").AsPrimaryKey();
            Indexes.Add(new IndexDefinition($"ix_{TableName}_case_id") { Columns = ["case_id"] });
        }

        public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            base.WriteCreateStatement(migrator, writer);
            var schema = Identifier.Schema;
            var cases = $"{schema}.mt_doc_victimcase";
            writer.WriteLine($"""
                do $$ begin
                  if to_regclass('{cases}') is not null then
                    insert into {schema}.{TableName} (gram, case_id) select distinct unnest(name_index), id from {cases} on conflict do nothing;
                  end if;
                end $$;
                """);
        }
    }
}

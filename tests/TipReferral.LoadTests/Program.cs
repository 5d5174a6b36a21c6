using TipReferral.LoadTests;

return await LoadBenchmark.RunAsync(args);

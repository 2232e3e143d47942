using ClientAotCheck;
using Hangar.Client;
using Hangar.Contracts.Devices;

// Each call takes a different path through the client's JSON: a generic page read, a request body written from its
// runtime type, a problem read into an exception. Without reflection, any type missing from HangarJsonContext throws.
var handler = new AnsweringHandler();
using var http = HangarClient.CreateHttpClient(new Uri("http://hangar.invalid/"), "hgr_check", handler);
var client = new HangarClient(http);

var page = await client.Products.ListAsync();
Check(page.Data.Single().Name == "gateway" && page.Data[0].CreatedAt.Millisecond == 123, "a page of products was read");

var created = await client.Products.CreateAsync(new CreateProductRequest("sensor"));
Check(created.Name == "sensor", "the created product was read");
Check(handler.RequestBodies.Single() == """{"name":"sensor","archived":false}""", $"the request was written snake_case: {handler.RequestBodies.Single()}");

try
{
    await client.Products.GetAsync("missing");
    Check(false, "a 404 throws");
}
catch (HangarApiException error)
{
    Check(error.Problem?.Code == "not_found", "the problem's code was read");
}

Console.WriteLine("Hangar.Client works without reflection (NativeAOT).");
return 0;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"FAILED: {what}");
        Environment.Exit(1);
    }
}

using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Hosting;

/// <summary>
/// A person's session in the portal without a browser: it reads pages as HTML and submits forms
/// as a browser would (every input the form holds, hidden anti-forgery token included, with the
/// fields the test fills in), keeping cookies and following redirects.
/// </summary>
public sealed class PortalClient : IDisposable
{
    private readonly HttpClient http;
    private readonly IBrowsingContext parser = BrowsingContext.New(Configuration.Default);

    private PortalClient(Uri address, string? username)
    {
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = address };
        if (username is not null)
        {
            http.DefaultRequestHeaders.Add(TestSignIn.UserHeader, username);
            http.DefaultRequestHeaders.Add(TestSignIn.SessionHeader, Guid.NewGuid().ToString("N"));
        }
    }

    public static PortalClient SignedInAs(PortalFactory portal, DemoUser user) => new(portal.Address, user.Username);

    public static PortalClient Anonymous(PortalFactory portal) => new(portal.Address, null);

    public async Task<PortalResponse> GetAsync(string url)
    {
        using var response = await http.GetAsync(url);
        return await ParseAsync(response);
    }

    /// <summary>
    /// Submits the form <paramref name="formSelector"/> of <paramref name="page"/>: its own inputs as
    /// they stand, each named field of <paramref name="fields"/> replacing all values of that name
    /// (give a name several times for a multiple choice; a null value leaves it out).
    /// </summary>
    public async Task<PortalResponse> SubmitAsync(PortalResponse page, string formSelector, params (string Name, string? Value)[] fields)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}:\n{page.Document.Body?.TextContent}");
        var values = FormValues(form).Where(value => fields.All(field => field.Name != value.Name)).ToList();
        values.AddRange(fields.Where(field => field.Value is not null).Select(field => (field.Name, field.Value!)));
        var action = new Uri(page.Url, string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url.PathAndQuery : form.GetAttribute("action")!);
        using var content = new FormUrlEncodedContent(values.Select(value => new KeyValuePair<string, string>(value.Name, value.Value)));
        using var response = string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase)
            ? await http.GetAsync(new UriBuilder(action) { Query = await content.ReadAsStringAsync() }.Uri)
            : await http.PostAsync(action, content);
        return await ParseAsync(response);
    }

    public void Dispose()
    {
        http.Dispose();
        parser.Dispose();
    }

    private static IEnumerable<(string Name, string Value)> FormValues(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when string.IsNullOrEmpty(input.Name) || input.IsDisabled:
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        yield return (input.Name!, input.Value);
                    }

                    break;
                case IHtmlInputElement input when input.Type is not ("submit" or "button" or "reset" or "file"):
                    yield return (input.Name!, input.Value);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(option => option.IsSelected))
                    {
                        yield return (select.Name!, option.Value);
                    }

                    break;
                case IHtmlTextAreaElement text when !string.IsNullOrEmpty(text.Name):
                    yield return (text.Name!, text.Value);
                    break;
            }
        }
    }

    private async Task<PortalResponse> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage!.RequestUri!;
        var document = await parser.OpenAsync(request => request.Content(html).Address(url));
        return new PortalResponse(response.StatusCode, url, document, response.Headers.CacheControl?.NoStore == true);
    }
}

/// <summary>A page as the portal answered it.</summary>
public sealed record PortalResponse(HttpStatusCode Status, Uri Url, IDocument Document, bool NoStore)
{
    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>The refusal shown at the top of the page (its kind, as data-refusal says), if any.</summary>
    public string? RefusalKind => Document.QuerySelector("[data-testid=refusal]")?.GetAttribute("data-refusal");

    public string? RefusalRule => Document.QuerySelector("[data-testid=refusal]")?.GetAttribute("data-rule");

    /// <summary>The error shown next to the input bound to <paramref name="inputName"/> (e.g. Input.Person.GivenName).</summary>
    public string? FieldError(string inputName) =>
        Document.QuerySelector($"[data-valmsg-for='{inputName}']")?.TextContent.Trim() is { Length: > 0 } message ? message : null;

    /// <summary>The value an input holds (what the person typed is kept after a refusal).</summary>
    public string? InputValue(string inputName) =>
        Document.QuerySelector<IHtmlInputElement>($"[name='{inputName}']")?.Value
        ?? Document.QuerySelector<IHtmlTextAreaElement>($"[name='{inputName}']")?.Value;
}

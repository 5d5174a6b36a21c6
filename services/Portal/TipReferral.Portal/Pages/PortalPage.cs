using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Refusing;
using TipReferral.Portal.SigningIn;

namespace TipReferral.Portal.Pages;

/// <summary>
/// What every portal page shares: who is signed in, which actions their role may take (from the
/// services' own access policies), the purpose stated for reading personal data, and how a
/// service's refusal is shown (next to the fields it names, the rule in plain words, and the
/// person's input kept).
/// </summary>
public abstract class PortalPage : PageModel
{
    /// <summary>The prefix of the bound input model, under which a refusal's field errors are shown.</summary>
    public const string InputPrefix = "Input";

    public SignedInUser Me => SignedInUser.From(User);

    /// <summary>The refusal of the last call, shown at the top of the page (field errors stand by their inputs).</summary>
    public Refusal? Refusal { get; private set; }

    protected StatedPurposes Purposes => HttpContext.RequestServices.GetRequiredService<StatedPurposes>();

    /// <summary>Whether the signed-in role may call <paramref name="rpc"/>: what a page shows or hides.</summary>
    public bool May(MethodDescriptor rpc) => HttpContext.RequestServices.GetRequiredService<RpcAccess>().Allows(Me.Role, rpc);

    /// <summary>The purpose stated for <paramref name="scope"/> (a case id, or <see cref="StatedPurposes.SearchScope"/>).</summary>
    protected string? PurposeFor(string scope) => Purposes.For(scope);

    /// <summary>Asks for a purpose before the read, then comes back to this very page.</summary>
    protected IActionResult AskPurpose(string scope) =>
        RedirectToPage("/Purpose", new { scope, returnUrl = $"{Request.PathBase}{Request.Path}{Request.QueryString}" });

    /// <summary>Runs a call to a service; a refusal re-shows the page with what the person typed.</summary>
    protected async Task<IActionResult> AttemptAsync(Func<Task<IActionResult>> call, string inputPrefix = InputPrefix)
    {
        try
        {
            return await call();
        }
        catch (RpcException refused)
        {
            return Refused(refused, inputPrefix);
        }
    }

    /// <summary>Shows a refusal: field errors by their inputs (or at the top if the form has no such input), the rest at the top.</summary>
    protected IActionResult Refused(RpcException refused, string inputPrefix = InputPrefix)
    {
        var refusal = Refusal.From(refused);
        if (refusal.Kind == RefusalKind.SignInAgain)
        {
            return Challenge();
        }

        Refusal = refusal;
        foreach (var field in refusal.Fields)
        {
            var key = FieldPaths.ToModelKey(field.Field, inputPrefix);
            ModelState.AddModelError(FieldPaths.Exists(GetType(), key) ? key : string.Empty, field.Description);
        }

        if (refusal.Kind == RefusalKind.NotAllowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}

using DossierTracker.Api.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace DossierTracker.Api.Dashboard.Hosting;

/// <summary>
/// A dashboard request body over the server's limit (1 MiB, as for the API) answers 413, shown with the error page.
/// Forms are read here, before the antiforgery check and model binding, which would otherwise turn the server's
/// refusal to read further into a 400 or a misleading 404.
/// </summary>
public sealed class FormSizeLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The error page showing this refusal runs with the same request: let it through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > JsonBody.MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
        }
        await next(context);
    }
}

using DossierTracker.Api.Audit;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Admin;

/// <summary>What the upload form (<c>_AdminUpload</c>) shows, whatever the items uploaded.</summary>
public abstract class ReferenceUploadPageModel : AdminPageModel
{
    public const string UploadForm = "upload";

    /// <summary>The API call whose body a JSON upload is, e.g. <c>PUT /api/units</c>.</summary>
    public abstract string UploadApiCall { get; }
    /// <summary>The columns of an XLSX upload, by the items' wire names.</summary>
    public abstract IReadOnlyList<string> SheetColumns { get; }

    [BindProperty(SupportsGet = true)] public int? Applied { get; set; }

    public bool UploadIsSheet { get; protected set; }
    public string? UploadFileProblem { get; protected set; }
    public IReadOnlyList<UploadError> UploadErrors { get; protected set; } = [];
    public IReadOnlyList<UploadPreviewRow> Preview { get; protected set; } = [];
    /// <summary>What the confirm form sends back: the items as the API's JSON, and their rows.</summary>
    public string UploadItems { get; protected set; } = "";
    public string UploadRows { get; protected set; } = "";
}

/// <summary>
/// An upload of many items (<typeparamref name="T"/>, the items of the API's PUT body): previewed against what is
/// stored, with the API's own checks listing the errors by row, and applied by the API's own code when confirmed.
/// Nothing is stored while any row is invalid.
/// </summary>
public abstract class ReferenceUploadPageModel<T> : ReferenceUploadPageModel where T : class
{
    protected abstract IReadOnlySet<string> DateColumns { get; }
    protected abstract IReadOnlySet<string> NumberColumns { get; }
    protected abstract string? CodeOf(T item);
    /// <summary>The stored item of a code, in the wire format; null when there is none.</summary>
    protected abstract T? Stored(string code);
    /// <summary>The API's checks without storing: its errors, or null when the items would be stored.</summary>
    protected abstract IDictionary<string, string[]>? Check(IReadOnlyList<T?> items);
    /// <summary>Stores the items as the API does: its errors, or null when they were stored.</summary>
    protected abstract Task<IDictionary<string, string[]>?> ApplyAsync(IReadOnlyList<T> items, AuditedChange change, CancellationToken cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        PostedForm = UploadForm;
        var change = Change();
        var upload = await ReferenceUpload<T>.ReadAsync(file, DateColumns, NumberColumns, cancellationToken);
        // Rows that could not be read are passed on as nulls, so the other rows' errors are listed too.
        if (change is not null && upload.FileProblem is null && Check(upload.AllItems) is { } errors) upload.AddProblem(errors, CodeOf);
        return Shown(upload);
    }

    public async Task<IActionResult> OnPostApplyAsync(string? items, string? rows, bool sheet, CancellationToken cancellationToken)
    {
        PostedForm = UploadForm;
        var change = Change();
        var upload = ReferenceUpload<T>.Confirmed(items, rows, sheet);
        if (change is null || upload.IsRejected) return Shown(upload);
        var changed = UploadPreviewRow.Of(upload.Rows, CodeOf, Stored).Count(r => r.Change != UploadChange.Unchanged);
        if (await ApplyAsync(upload.Items, change, cancellationToken) is not { } errors) return RedirectToPage(new { applied = changed });
        upload.AddProblem(errors, CodeOf);
        return Shown(upload);
    }

    private IActionResult Shown(ReferenceUpload<T> upload)
    {
        UploadIsSheet = upload.IsSheet;
        UploadFileProblem = upload.FileProblem;
        UploadErrors = upload.Errors;
        if (!upload.IsRejected && Errors.Count == 0)
        {
            Preview = UploadPreviewRow.Of(upload.Rows, CodeOf, Stored);
            UploadItems = upload.ItemsJson;
            UploadRows = upload.NumbersText;
        }
        return Page();
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Accountability.Api.Features.Pages;

/// <summary>The one HTML encoder of every page (status page, dashboard).</summary>
public static class PageHtml
{
    // Every script passes but the characters HTML gives meaning to: a name in any language is sent as written.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}

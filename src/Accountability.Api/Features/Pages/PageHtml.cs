using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Accountability.Api.Features.Pages;

/// <summary>The one HTML encoder of every page (status page, dashboard).</summary>
public static class PageHtml
{
    // Every script passes but the characters HTML gives meaning to: a name in any language is sent as written.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>The frame of every page: its language, title and one local stylesheet, never indexed, sending no referrer.</summary>
    public static string Document(string language, string title, string stylesheet, string body) => $"""
        <!doctype html>
        <html lang="{Encode(language)}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta name="referrer" content="no-referrer">
        <title>{Encode(title)}</title>
        <link rel="stylesheet" href="{stylesheet}">
        </head>
        <body>
        {body}
        </body>
        </html>
        """;
}

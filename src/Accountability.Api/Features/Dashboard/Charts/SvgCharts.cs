using System.Globalization;
using System.Text;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.Charts;

/// <summary>One row of figures: its name, the stylesheet class that colours it, and a value per column.</summary>
public sealed record Series(string Name, string Style, IReadOnlyList<int> Values);

/// <summary>One bar: what it stands for, its length, and the figure written beside it.</summary>
public sealed record Bar(string Label, double Value, string Shown);

/// <summary>
/// Charts drawn as SVG on the server: no script, nothing loaded. Each is an image with a title and a one-sentence
/// description for screen readers, followed by the same figures as a table for anyone who would rather read them.
/// </summary>
public static class SvgCharts
{
    private const int Width = 480;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Columns over time, one per series side by side in each period.</summary>
    public static string Columns(string id, string title, string description, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        const int height = 240, left = 44, right = 8, top = 12, bottom = 36;
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        var max = NiceMax(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var group = (double)plotWidth / Math.Max(1, labels.Count);
        var barWidth = group * 0.8 / Math.Max(1, series.Count);

        var svg = Open(id, title, description, height);
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var y = top + plotHeight - (double)tick / max * plotHeight;
            svg.Append($"<line class=\"grid\" x1=\"{left}\" x2=\"{Width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/>")
                .Append($"<text class=\"axis\" x=\"{left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{tick.ToString("N0", CultureInfo.CurrentUICulture)}</text>");
        }
        for (var s = 0; s < series.Count; s++)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                var h = (double)series[s].Values[i] / max * plotHeight;
                var x = left + i * group + group * 0.1 + s * barWidth;
                svg.Append($"<rect class=\"{series[s].Style}\" x=\"{F(x)}\" y=\"{F(top + plotHeight - h)}\" width=\"{F(barWidth)}\" height=\"{F(h)}\"/>");
            }
        }
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 4.0));
        for (var i = 0; i < labels.Count; i += every)
            svg.Append($"<text class=\"axis\" x=\"{F(left + i * group + group / 2)}\" y=\"{height - 12}\" text-anchor=\"middle\">{E(labels[i])}</text>");
        svg.Append("</svg>");

        var legend = new StringBuilder("<ul class=\"legend\">");
        foreach (var s in series)
            legend.Append("<li><svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"").Append(s.Style)
                .Append("\" width=\"10\" height=\"10\"/></svg>").Append(E(s.Name)).Append("</li>");
        legend.Append("</ul>");

        var rows = labels.Select((label, i) => (label, series.Select(s => s.Values[i].ToString("N0", CultureInfo.CurrentUICulture)).ToArray()));
        return Figure(id, title, svg.Append(legend).ToString(), [Text.Get("Chart_Period"), .. series.Select(s => s.Name)], rows);
    }

    /// <summary>Horizontal bars, longest first, each label above its bar so long names fit on a phone.</summary>
    public static string Bars(string id, string title, string description, string style, string valueHeading, IReadOnlyList<Bar> bars, double? scaleMax = null)
    {
        const int row = 40, valueRoom = 96;
        var height = Math.Max(1, bars.Count) * row + 4;
        var max = scaleMax ?? bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : max;
        var svg = Open(id, title, description, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * row;
            var length = Math.Max(2, bars[i].Value / max * (Width - valueRoom));
            svg.Append($"<text class=\"label\" x=\"0\" y=\"{y + 14}\">{E(bars[i].Label)}</text>")
                .Append($"<rect class=\"{style}\" x=\"0\" y=\"{y + 20}\" width=\"{F(length)}\" height=\"14\"/>")
                .Append($"<text class=\"axis\" x=\"{F(length + 6)}\" y=\"{y + 32}\">{E(bars[i].Shown)}</text>");
        }
        svg.Append("</svg>");
        return Figure(id, title, svg.ToString(), [Text.Get("Chart_Party"), valueHeading], bars.Select(b => (b.Label, new[] { b.Shown })));
    }

    private static StringBuilder Open(string id, string title, string description, int height) =>
        new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">")
            .Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");

    private static string Figure(string id, string title, string drawing, string[] headings, IEnumerable<(string Label, string[] Values)> rows)
    {
        var html = new StringBuilder("<figure class=\"chart-figure\" aria-labelledby=\"").Append(id).Append("-caption\">")
            .Append("<figcaption id=\"").Append(id).Append("-caption\">").Append(E(title)).Append("</figcaption>").Append(drawing)
            .Append("<details><summary>").Append(E(Text.Get("Chart_ShowTable"))).Append("</summary><table><caption>").Append(E(title)).Append("</caption><thead><tr>");
        foreach (var heading in headings)
            html.Append("<th scope=\"col\">").Append(E(heading)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (label, values) in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th>");
            foreach (var value in values)
                html.Append("<td>").Append(E(value)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></details></figure>").ToString();
    }

    /// <summary>The top of the scale: the largest value rounded up to 1, 2 or 5 times a power of ten, and even.</summary>
    private static int NiceMax(int value)
    {
        if (value <= 2)
            return 2;
        var power = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        var nice = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(n => n >= value);
        return nice % 2 == 0 ? nice : nice * 2;
    }

    private static string F(double value) => value.ToString("0.#", Invariant);
}

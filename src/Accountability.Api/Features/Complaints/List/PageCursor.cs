using System.Globalization;
using System.Text;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>Where a page ended, in the list's order (newest filed first, then id): opaque to clients.</summary>
public sealed record PageCursor(DateTimeOffset FiledAt, Guid Id)
{
    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FiledAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{Id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string text, out PageCursor cursor)
    {
        cursor = null!;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(parts[1], out var id)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

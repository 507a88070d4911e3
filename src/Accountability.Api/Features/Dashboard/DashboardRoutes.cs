namespace Accountability.Api.Features.Dashboard;

/// <summary>Where the dashboard's pages are, for links and redirects.</summary>
public static class DashboardRoutes
{
    public const string Overview = "/dashboard";
    public const string Due = "/dashboard/due";
    public const string Liability = "/dashboard/liability";
    public const string SignIn = "/dashboard/sign-in";
    public const string SignOut = "/dashboard/sign-out";
    public const string Stylesheet = "/assets/dashboard.css";

    public static string Complaint(Guid id) => $"/dashboard/complaints/{id}";
}

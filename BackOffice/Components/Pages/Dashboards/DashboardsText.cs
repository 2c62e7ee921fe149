namespace BackOffice.Components.Pages.Dashboards;

/// <summary>Marker for the dashboards' texts (Resources/Components/Pages/Dashboards/DashboardsText*.resx).</summary>
public sealed class DashboardsText;

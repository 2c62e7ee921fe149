namespace BackOffice.Components.Pages.Admin;

/// <summary>Marker for the API key page's texts (Resources/Components/Pages/Admin/ApiKeysText*.resx).</summary>
public sealed class ApiKeysText;

namespace BackOffice.Components.Pages.Imports;

/// <summary>Marker for the import page's texts (Resources/Components/Pages/Imports/ImportsText*.resx).</summary>
public sealed class ImportsText;

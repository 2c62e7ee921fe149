namespace BackOffice.Components.Pages.Suppliers;

/// <summary>Marker for the supplier pages' texts (Resources/Components/Pages/Suppliers/SuppliersText*.resx).</summary>
public sealed class SuppliersText;

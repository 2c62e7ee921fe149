namespace BackOffice.Components.Pages.Sales;

/// <summary>Marker for the sales feature's texts (Resources/Components/Pages/Sales/SalesText*.resx).</summary>
public sealed class SalesText;

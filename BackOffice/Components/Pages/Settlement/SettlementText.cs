namespace BackOffice.Components.Pages.Settlement;

/// <summary>Marker for the settlement pages' texts (Resources/Components/Pages/Settlement/SettlementText*.resx).</summary>
public sealed class SettlementText;

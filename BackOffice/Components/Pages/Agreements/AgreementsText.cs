namespace BackOffice.Components.Pages.Agreements;

/// <summary>Marker for the agreements pages' texts (Resources/Components/Pages/Agreements/AgreementsText*.resx).</summary>
public sealed class AgreementsText;

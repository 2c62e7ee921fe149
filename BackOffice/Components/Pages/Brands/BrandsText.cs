namespace BackOffice.Components.Pages.Brands;

/// <summary>Marker for the brand, product and selection pages' texts (Resources/Components/Pages/Brands/BrandsText*.resx).</summary>
public sealed class BrandsText;

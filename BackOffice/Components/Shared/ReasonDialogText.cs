namespace BackOffice.Components.Shared;

/// <summary>Texts of <see cref="ReasonDialog"/>.</summary>
public sealed class ReasonDialogText;

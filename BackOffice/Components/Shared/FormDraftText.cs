namespace BackOffice.Components.Shared;

/// <summary>Texts of <see cref="FormDraftStore"/>'s restored-draft notice.</summary>
public sealed class FormDraftText;

namespace BackOffice;

/// <summary>Marker for the shell's shared texts in Resources/SharedResource(.en).resx; zh-Hans is the neutral language.</summary>
public sealed class SharedResource;

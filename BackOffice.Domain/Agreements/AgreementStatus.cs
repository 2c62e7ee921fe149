namespace BackOffice.Domain.Agreements;

/// <summary>Stored states; Active and Expired are derived from the clock when read.</summary>
public enum AgreementStatus { Draft, PendingApproval, Signed, Active, Expired, Terminated }

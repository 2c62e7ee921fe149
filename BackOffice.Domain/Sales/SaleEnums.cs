namespace BackOffice.Domain.Sales;

public enum SaleKind { Flash, Livestream }

/// <summary>Draft, Scheduled and Cancelled are stored; Live, Ended and Closed are derived when read.</summary>
public enum SaleStatus { Draft, Scheduled, Live, Ended, Closed, Cancelled }

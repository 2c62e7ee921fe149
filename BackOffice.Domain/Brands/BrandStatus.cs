namespace BackOffice.Domain.Brands;

public enum BrandStatus { Draft, Submitted, UnderReview, Approved, Rejected, Suspended }

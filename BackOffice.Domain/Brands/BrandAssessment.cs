using BackOffice.Domain.Common;

namespace BackOffice.Domain.Brands;

/// <summary>五大好: one reviewer's scores of a brand, 1–5 each with a comment.</summary>
public class BrandAssessment
{
    public const int MinimumEachForRecommendation = 3;
    public const int MinimumSumForRecommendation = 18;

    public int Id { get; private set; }
    public int BrandId { get; private set; }
    public int Goods { get; private set; }
    public int Service { get; private set; }
    public int Marketing { get; private set; }
    public int Incentives { get; private set; }
    public int Delivery { get; private set; }
    public string GoodsComment { get; private set; } = "";
    public string ServiceComment { get; private set; } = "";
    public string MarketingComment { get; private set; } = "";
    public string IncentivesComment { get; private set; } = "";
    public string DeliveryComment { get; private set; } = "";
    public string ReviewerId { get; private set; } = "";
    public string ReviewerName { get; private set; } = "";
    public DateTime AssessedAt { get; private set; }

    protected BrandAssessment() { }

    public BrandAssessment(int brandId, BrandScores scores, Actor reviewer, DateTime assessedAt)
    {
        scores.Validate();
        BrandId = brandId;
        (Goods, Service, Marketing, Incentives, Delivery) = (scores.Goods, scores.Service, scores.Marketing, scores.Incentives, scores.Delivery);
        (GoodsComment, ServiceComment, MarketingComment, IncentivesComment, DeliveryComment) =
            (scores.GoodsComment, scores.ServiceComment, scores.MarketingComment, scores.IncentivesComment, scores.DeliveryComment);
        ReviewerId = reviewer.UserId;
        ReviewerName = reviewer.DisplayName;
        AssessedAt = assessedAt;
    }

    public BrandScores Scores => new(Goods, Service, Marketing, Incentives, Delivery,
        GoodsComment, ServiceComment, MarketingComment, IncentivesComment, DeliveryComment);

    public bool IsApprovalRecommended => Scores.IsApprovalRecommended;
}

/// <summary>The five scores as typed on the assessment form.</summary>
public sealed record BrandScores(
    int Goods, int Service, int Marketing, int Incentives, int Delivery,
    string GoodsComment = "", string ServiceComment = "", string MarketingComment = "",
    string IncentivesComment = "", string DeliveryComment = "")
{
    public int Sum => Goods + Service + Marketing + Incentives + Delivery;

    public bool IsApprovalRecommended =>
        new[] { Goods, Service, Marketing, Incentives, Delivery }.All(s => s >= BrandAssessment.MinimumEachForRecommendation)
        && Sum >= BrandAssessment.MinimumSumForRecommendation;

    public void Validate()
    {
        foreach (var (name, value) in new[] { ("好货 goods", Goods), ("好服务 service", Service), ("好营销 marketing", Marketing), ("好激励 incentives", Incentives), ("好交付 delivery", Delivery) })
        {
            if (value is < 1 or > 5) throw new DomainException($"{name} 评分须为 1–5 · The {name} score must be 1–5");
        }
    }
}

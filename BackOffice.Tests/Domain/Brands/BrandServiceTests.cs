using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Home;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Domain.Brands;

public class BrandServiceTests
{
    [Fact]
    public async Task FullJourney_SubmitReviewApprove_HistoryHasEveryStep()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await SelectionData.ApprovedBrandAsync(db);

        var brand = (await db.Get<BrandService>().GetAsync(id))!;
        Assert.Equal(BrandStatus.Approved, brand.Status);
        Assert.Equal(People.SelectionZhang.UserId, brand.ReviewerId);
        Assert.Equal(4, brand.LatestAssessment!.Goods);
        var history = await db.Get<AuditQueryService>().HistoryAsync("Brand", id.ToString());
        Assert.Equal(["brand.drafted", "brand.submitted", "brand.review-started", "brand.approved"], history.Select(h => h.Action));
        Assert.Equal([People.SelectionLi.UserId, People.SelectionLi.UserId, People.SelectionZhang.UserId, People.SelectionZhang.UserId], history.Select(h => h.ActorId));
    }

    [Fact]
    public async Task SubmitAsync_AppearsInAnotherReviewersWaitingList_NotTheApplicants()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await SelectionData.DraftBrandAsync(db);
        await db.Get<BrandService>().SubmitAsync(People.SelectionLi, id, 0);

        var home = db.Get<HomeService>();
        Assert.Contains(await home.WaitingForAsync(People.SelectionZhang), w => w.Href == $"/brands/{id}");
        Assert.DoesNotContain(await home.WaitingForAsync(People.SelectionLi), w => w.Href == $"/brands/{id}");
    }

    [Fact]
    public async Task StartReviewAsync_ByApplicant_RefusedFourEyes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SelectionData.DraftBrandAsync(db);
        await brands.SubmitAsync(People.SelectionLi, id, 0);
        var ex = await Assert.ThrowsAsync<DomainException>(() => brands.StartReviewAsync(People.SelectionLiAlsoFinance, id, 1));
        Assert.Contains("Four eyes", ex.Message);
    }

    [Fact]
    public async Task ApproveAsync_ApplicantWithAnotherRole_RefusedByPersonNotRole()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await SelectionData.UnderReviewBrandAsync(db);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            db.Get<BrandService>().ApproveAsync(People.SelectionLiAlsoFinance, id, 2, SelectionData.Recommended, null, null));
        Assert.Contains("Four eyes", ex.Message);
        Assert.Equal(BrandStatus.UnderReview, (await db.Get<BrandService>().GetAsync(id))!.Status);
    }

    [Fact]
    public async Task ApproveAsync_AnalystOrFinance_Denied()
    {
        await using var db = await TestDatabase.CreateAsync();
        var id = await SelectionData.UnderReviewBrandAsync(db);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            db.Get<BrandService>().ApproveAsync(People.FinanceChen, id, 2, SelectionData.Recommended, null, null));
    }

    [Fact]
    public async Task ApproveAsync_AgainstRecommendationWithoutOverride_RefusedAndNothingSaved()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SelectionData.UnderReviewBrandAsync(db);
        var ex = await Assert.ThrowsAsync<DomainException>(() => brands.ApproveAsync(People.SelectionZhang, id, 2, SelectionData.NotRecommended, "ok", "  "));
        Assert.Contains("override reason", ex.Message);
        var brand = (await brands.GetAsync(id))!;
        Assert.Equal(BrandStatus.UnderReview, brand.Status);
        Assert.Null(brand.LatestAssessment);
    }

    [Fact]
    public async Task ApproveAsync_AgainstRecommendationWithOverride_ApprovedAndReasonAudited()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SelectionData.UnderReviewBrandAsync(db);
        await brands.ApproveAsync(People.SelectionZhang, id, 2, SelectionData.NotRecommended, null, "双十一战略品牌，激励方案下月到位");
        var brand = (await brands.GetAsync(id))!;
        Assert.Equal(BrandStatus.Approved, brand.Status);
        Assert.Equal("双十一战略品牌，激励方案下月到位", brand.OverrideReason);
        var approved = (await db.Get<AuditQueryService>().HistoryAsync("Brand", id.ToString()))[^1];
        Assert.Contains("双十一战略品牌", approved.Reason);
    }

    [Fact]
    public async Task RejectAsync_WithoutReason_Refused_ThenRejectedAndResubmitted()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SelectionData.UnderReviewBrandAsync(db);
        var ex = await Assert.ThrowsAsync<DomainException>(() => brands.RejectAsync(People.SelectionZhang, id, 2, null, " "));
        Assert.Contains("needs a reason", ex.Message);

        await brands.RejectAsync(People.SelectionZhang, id, 2, SelectionData.NotRecommended, "激励不足");
        Assert.Equal(BrandStatus.Rejected, (await brands.GetAsync(id))!.Status);
        await brands.ResubmitAsync(People.SelectionLi, id, 3);
        var resubmitted = (await brands.GetAsync(id))!;
        Assert.Equal(BrandStatus.Submitted, resubmitted.Status);
        Assert.Null(resubmitted.ReviewerId);
    }

    [Fact]
    public async Task SuspendAndReinstate_NeedReasons_AndAreAudited()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SelectionData.ApprovedBrandAsync(db);
        await Assert.ThrowsAsync<DomainException>(() => brands.SuspendAsync(People.SelectionLi, id, 3, ""));
        await brands.SuspendAsync(People.SelectionLi, id, 3, "质检不合格");
        Assert.Equal(BrandStatus.Suspended, (await brands.GetAsync(id))!.Status);
        await brands.ReinstateAsync(People.SelectionLi, id, 4, "复检合格");
        Assert.Equal(BrandStatus.Approved, (await brands.GetAsync(id))!.Status);
        var history = await db.Get<AuditQueryService>().HistoryAsync("Brand", id.ToString());
        Assert.Equal("质检不合格", history.Single(h => h.Action == "brand.suspended").Reason);
        Assert.Equal("复检合格", history.Single(h => h.Action == "brand.reinstated").Reason);
    }

    public static TheoryData<string, string> IllegalMoves => new()
    {
        { "Draft", "approve" }, { "Draft", "startReview" }, { "Draft", "suspend" }, { "Draft", "resubmit" }, { "Draft", "reinstate" },
        { "Submitted", "submit" }, { "Submitted", "approve" }, { "Submitted", "reject" }, { "Submitted", "suspend" }, { "Submitted", "edit" },
        { "UnderReview", "submit" }, { "UnderReview", "startReview" }, { "UnderReview", "suspend" }, { "UnderReview", "resubmit" }, { "UnderReview", "edit" },
        { "Approved", "approve" }, { "Approved", "reject" }, { "Approved", "submit" }, { "Approved", "reinstate" }, { "Approved", "resubmit" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public async Task IllegalTransition_RefusedWithReadableMessage(string from, string move)
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = from switch
        {
            "Draft" => await SelectionData.DraftBrandAsync(db),
            "Submitted" => await SubmittedAsync(db),
            "UnderReview" => await SelectionData.UnderReviewBrandAsync(db),
            _ => await SelectionData.ApprovedBrandAsync(db),
        };
        var revision = (await brands.GetAsync(id))!.Revision;
        var zhang = People.SelectionZhang;
        Task act() => move switch
        {
            "approve" => brands.ApproveAsync(zhang, id, revision, SelectionData.Recommended, null, null),
            "reject" => brands.RejectAsync(zhang, id, revision, null, "理由"),
            "startReview" => brands.StartReviewAsync(zhang, id, revision),
            "submit" => brands.SubmitAsync(People.SelectionLi, id, revision),
            "suspend" => brands.SuspendAsync(zhang, id, revision, "理由"),
            "reinstate" => brands.ReinstateAsync(zhang, id, revision, "理由"),
            "resubmit" => brands.ResubmitAsync(People.SelectionLi, id, revision),
            _ => brands.EditAsync(People.SelectionLi, id, revision, SelectionData.Brand("改名")),
        };
        var ex = await Assert.ThrowsAsync<DomainException>(act);
        Assert.IsNotType<ConcurrencyConflictException>(ex);
        Assert.Contains(from, ex.Message);
        Assert.Contains(" · ", ex.Message);
        Assert.Equal(revision, (await brands.GetAsync(id))!.Revision);
    }

    [Fact]
    public async Task TwoReviewersAtOnce_OneWins_OtherToldChangedBySomeoneElse()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SubmittedAsync(db);
        var loadedByZhang = (await brands.GetAsync(id))!.Revision;
        var loadedByWang = loadedByZhang;
        var otherReviewer = People.SelectionLi with { UserId = "selection.wang", DisplayName = "王" };

        await brands.StartReviewAsync(People.SelectionZhang, id, loadedByZhang);
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => brands.StartReviewAsync(otherReviewer, id, loadedByWang));
        Assert.Contains("Changed by someone else", ex.Message);
        Assert.Equal(People.SelectionZhang.UserId, (await brands.GetAsync(id))!.ReviewerId);
    }

    [Fact]
    public async Task TwoDecisionsRacing_SecondWithStaleRevision_ChangedBySomeoneElse()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SelectionData.UnderReviewBrandAsync(db);
        var racing = new[]
        {
            brands.ApproveAsync(People.SelectionZhang, id, 2, SelectionData.Recommended, "好", null),
            brands.RejectAsync(People.SelectionZhang, id, 2, null, "不好"),
        };
        var outcomes = await Task.WhenAll(racing.Select(async t => { try { await t; return "ok"; } catch (ConcurrencyConflictException) { return "conflict"; } }));
        Assert.Equal(["conflict", "ok"], outcomes.Order());
        Assert.Equal(3, (await brands.GetAsync(id))!.Revision);
    }

    [Fact]
    public async Task ExpiringAsync_ListsDocumentsWithin30DaysAndExpired()
    {
        await using var db = await TestDatabase.CreateAsync();
        var today = ChinaTime.Today(db.Clock);
        var soon = await SelectionData.DraftBrandAsync(db, expires: today.AddDays(10));
        var later = await SelectionData.DraftBrandAsync(db, expires: today.AddDays(31));
        var brands = db.Get<BrandService>();
        await brands.SubmitAsync(People.SelectionLi, soon, 0);
        await brands.SubmitAsync(People.SelectionLi, later, 0);
        db.Clock.Advance(TimeSpan.FromDays(11));

        var expiring = await brands.ExpiringAsync();
        Assert.All(expiring.Where(e => e.BrandId == soon), e => Assert.True(e.IsExpired));
        Assert.Equal(2, expiring.Count(e => e.BrandId == soon));
        Assert.Equal(2, expiring.Count(e => e.BrandId == later && !e.IsExpired));
    }

    [Fact]
    public async Task SearchAsync_ReviewQueue_OldestFirstWithFilters()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var first = await SubmittedAsync(db);
        db.Clock.Advance(TimeSpan.FromHours(1));
        var second = await SubmittedAsync(db);
        await SelectionData.DraftBrandAsync(db);

        var queue = await brands.SearchAsync(new BrandQuery { ReviewQueue = true }, new PageRequest());
        Assert.Equal([first, second], queue.Items.Select(b => b.Id));
        Assert.Equal(2, queue.Total);
        var byApplicant = await brands.SearchAsync(new BrandQuery { ReviewQueue = true, Applicant = "selection.zhang" }, new PageRequest());
        Assert.Empty(byApplicant.Items);
        var paged = await brands.SearchAsync(new BrandQuery { ReviewQueue = true }, new PageRequest(1, 1));
        Assert.Equal([second], paged.Items.Select(b => b.Id));
    }

    [Fact]
    public async Task UploadDocumentAsync_RenamedExecutable_Refused_PdfAccepted()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var id = await SelectionData.DraftBrandAsync(db);
        var exe = "MZ\x90\0"u8.ToArray();
        var ex = await Assert.ThrowsAsync<DomainException>(() => brands.UploadDocumentAsync(People.SelectionLi, id, "授权书", "授权书.pdf", exe, new DateOnly(2028, 1, 1)));
        Assert.Contains("Only PDF, PNG and JPEG", ex.Message);

        var pdf = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();
        var docId = await brands.UploadDocumentAsync(People.SelectionLi, id, "授权书", "../../etc/授权书.pdf", pdf, new DateOnly(2028, 1, 1));
        var read = await brands.ReadDocumentAsync(docId);
        Assert.Equal("授权书.pdf", read!.Value.FileName);
        Assert.Equal("application/pdf", read.Value.ContentType);
        Assert.Equal(pdf, read.Value.Content);
    }

    private static async Task<int> SubmittedAsync(TestDatabase db)
    {
        var id = await SelectionData.DraftBrandAsync(db);
        await db.Get<BrandService>().SubmitAsync(People.SelectionLi, id, 0);
        return id;
    }
}

using BackOffice.Domain.Agreements;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Home;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Domain.Agreements;

public class AgreementServiceTests
{
    // The test clock: 2026-11-28 10:00 China time.
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Actor ManagerZhao = new("am.zhao", "赵敏", new HashSet<string> { Roles.AccountManager });

    private static async Task<(TestDatabase Database, AgreementService Service, AgreementData Data)> SetUpAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return (database, database.Get<AgreementService>(), await AgreementData.SeedAsync(database));
    }

    private static async Task<AgreementDetails> DetailsAsync(AgreementService service, int id) =>
        await service.GetAsync(id) ?? throw new InvalidOperationException("missing");

    private static async Task<int> SignedAsync(AgreementService service, AgreementDraft draft, string reference = "HT-001")
    {
        var id = await service.CreateDraftAsync(People.ManagerWang, draft);
        await service.SubmitAsync(People.ManagerWang, id, (await DetailsAsync(service, id)).Revision);
        await service.SignAsync(People.ManagerLiu, id, (await DetailsAsync(service, id)).Revision, new AgreementSigning(Today, reference));
        return id;
    }

    [Fact]
    public async Task CreateDraft_ValidDraft_CodedByTermYearAndAudited()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var first = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        var second = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 6, 30)));

        var details = await DetailsAsync(service, second);
        Assert.Equal("FA-2027-0001", (await DetailsAsync(service, first)).Code);
        Assert.Equal("FA-2027-0002", details.Code);
        Assert.Equal(AgreementStatus.Draft, details.Status);
        Assert.Equal(2, details.Brands.Count);
        var entry = Assert.Single(details.History);
        Assert.Equal("agreement.drafted", entry.Action);
        Assert.Equal(second.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
    }

    [Fact]
    public async Task CreateDraft_366DaysInclusive_Accepted367Refused()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 3, 1), new(2028, 2, 29))); // through a leap day: 366 days
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 3, 1), new(2028, 3, 1))));
        Assert.Contains("367", ex.Message);
    }

    [Theory]
    [InlineData(3000, true)]
    [InlineData(3001, false)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public async Task CreateDraft_CommissionAtItsBounds(int bp, bool accepted)
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var draft = data.Draft(new(2027, 1, 1), new(2027, 12, 31), commissionBp: bp, tiers: []);
        if (accepted) await service.CreateDraftAsync(People.ManagerWang, draft);
        else await Assert.ThrowsAsync<DomainException>(() => service.CreateDraftAsync(People.ManagerWang, draft));
    }

    [Fact]
    public async Task CreateDraft_BrandOfAnotherSupplier_Refused()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var draft = data.Draft(new(2027, 1, 1), new(2027, 12, 31)) with { BrandIds = [data.BrandIds[0], data.OtherBrandId] };
        await Assert.ThrowsAsync<DomainException>(() => service.CreateDraftAsync(People.ManagerWang, draft));
    }

    [Fact]
    public async Task CreateDraft_NotAnAccountManager_AccessDenied()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateDraftAsync(People.SelectionLi, data.Draft(new(2027, 1, 1), new(2027, 12, 31))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateDraftAsync(People.FinanceChen, data.Draft(new(2027, 1, 1), new(2027, 12, 31))));
    }

    [Fact]
    public async Task Lifecycle_DraftSubmitSign_SignedThenActiveByTheClock()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await SignedAsync(service, data.Draft(new(2026, 12, 1), new(2027, 11, 30)));

        var details = await DetailsAsync(service, id);
        Assert.Equal(AgreementStatus.Signed, details.Status);
        Assert.Equal("am.liu", details.ApproverId);
        Assert.Equal(["agreement.drafted", "agreement.submitted", "agreement.signed"], details.History.Select(h => h.Action));
        database.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(AgreementStatus.Active, (await DetailsAsync(service, id)).Status);
        database.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(AgreementStatus.Expired, (await DetailsAsync(service, id)).Status);
    }

    [Fact]
    public async Task Sign_ByTheAuthor_RefusedFourEyes()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        var revision = (await DetailsAsync(service, id)).Revision;
        // The same person holding another role too is still the same pair of eyes.
        var wangAlsoFinance = People.ManagerWang with { Roles = new HashSet<string> { Roles.AccountManager, Roles.Finance } };

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.SignAsync(wangAlsoFinance, id, revision, new AgreementSigning(Today, "HT")));
        Assert.Contains("Four eyes", ex.Message);
        Assert.Equal(AgreementStatus.PendingApproval, (await DetailsAsync(service, id)).Status);
    }

    [Fact]
    public async Task Sign_ByAnotherRole_AccessDenied()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        var revision = (await DetailsAsync(service, id)).Revision;
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SignAsync(People.FinanceChen, id, revision, new AgreementSigning(Today, "HT")));
    }

    [Fact]
    public async Task Submit_AppearsInAnotherManagersWaitingForMe_NotTheAuthors()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        var home = database.Get<HomeService>();

        var forLiu = await home.WaitingForAsync(People.ManagerLiu);
        Assert.Contains(forLiu, w => w.Href == $"/agreements/{id}" && w.Subject == "FA-2027-0001");
        Assert.DoesNotContain(await home.WaitingForAsync(People.ManagerWang), w => w.Href == $"/agreements/{id}");
    }

    [Fact]
    public async Task IllegalTransitions_RefusedWithAReadableMessage()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        async Task<long> Rev() => (await DetailsAsync(service, id)).Revision;

        // Draft: cannot be signed, terminated, returned or renewed.
        await Assert.ThrowsAsync<DomainException>(async () => await service.SignAsync(People.ManagerLiu, id, await Rev(), new AgreementSigning(Today, "HT")));
        await Assert.ThrowsAsync<DomainException>(async () => await service.TerminateAsync(People.ManagerLiu, id, await Rev(), "理由"));
        await Assert.ThrowsAsync<DomainException>(async () => await service.ReturnToDraftAsync(People.ManagerLiu, id, await Rev(), "理由"));
        await Assert.ThrowsAsync<DomainException>(async () => await service.RenewAsync(People.ManagerLiu, id));

        // Pending: cannot be submitted again, edited, terminated or renewed.
        await service.SubmitAsync(People.ManagerWang, id, await Rev());
        await Assert.ThrowsAsync<DomainException>(async () => await service.SubmitAsync(People.ManagerWang, id, await Rev()));
        await Assert.ThrowsAsync<DomainException>(async () => await service.EditDraftAsync(People.ManagerWang, id, await Rev(), data.Draft(new(2027, 1, 1), new(2027, 12, 31))));
        await Assert.ThrowsAsync<DomainException>(async () => await service.TerminateAsync(People.ManagerLiu, id, await Rev(), "理由"));
        await Assert.ThrowsAsync<DomainException>(async () => await service.RenewAsync(People.ManagerLiu, id));

        // Signed: cannot be submitted, signed again, edited or returned; terminating needs a reason.
        await service.SignAsync(People.ManagerLiu, id, await Rev(), new AgreementSigning(Today, "HT"));
        await Assert.ThrowsAsync<DomainException>(async () => await service.SubmitAsync(People.ManagerWang, id, await Rev()));
        await Assert.ThrowsAsync<DomainException>(async () => await service.SignAsync(ManagerZhao, id, await Rev(), new AgreementSigning(Today, "HT")));
        await Assert.ThrowsAsync<DomainException>(async () => await service.EditDraftAsync(People.ManagerWang, id, await Rev(), data.Draft(new(2027, 1, 1), new(2027, 12, 31))));
        await Assert.ThrowsAsync<DomainException>(async () => await service.ReturnToDraftAsync(People.ManagerLiu, id, await Rev(), "理由"));
        await Assert.ThrowsAsync<DomainException>(async () => await service.TerminateAsync(People.ManagerLiu, id, await Rev(), "  "));

        // Terminated: final.
        await service.TerminateAsync(People.ManagerLiu, id, await Rev(), "供应商违约");
        Assert.Equal(AgreementStatus.Terminated, (await DetailsAsync(service, id)).Status);
        await Assert.ThrowsAsync<DomainException>(async () => await service.TerminateAsync(People.ManagerLiu, id, await Rev(), "再次"));
        await Assert.ThrowsAsync<DomainException>(async () => await service.SubmitAsync(People.ManagerWang, id, await Rev()));
    }

    [Fact]
    public async Task ReturnToDraft_Pending_EditableAgainWithReasonAudited()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        await service.ReturnToDraftAsync(People.ManagerLiu, id, (await DetailsAsync(service, id)).Revision, "佣金需重新谈");

        var details = await DetailsAsync(service, id);
        Assert.Equal(AgreementStatus.Draft, details.Status);
        Assert.Equal("佣金需重新谈", details.History[^1].Reason);
        await service.EditDraftAsync(People.ManagerWang, id, details.Revision, data.Draft(new(2027, 1, 1), new(2027, 12, 31), commissionBp: 700));
        Assert.Equal(700, (await DetailsAsync(service, id)).Terms.CommissionBp);
    }

    [Fact]
    public async Task Terminate_ExpiredAgreement_Refused()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await SignedAsync(service, data.Draft(new(2026, 1, 1), new(2026, 11, 27)));
        Assert.Equal(AgreementStatus.Expired, (await DetailsAsync(service, id)).Status);
        await Assert.ThrowsAsync<DomainException>(async () => await service.TerminateAsync(People.ManagerLiu, id, (await DetailsAsync(service, id)).Revision, "理由"));
    }

    [Fact]
    public async Task Renew_Signed_DraftFromTheDayAfterWithTheSameTerms()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await SignedAsync(service, data.Draft(new(2026, 1, 1), new(2026, 12, 31)));
        var renewalId = await service.RenewAsync(People.ManagerWang, id);

        var renewal = await DetailsAsync(service, renewalId);
        Assert.Equal("FA-2027-0001", renewal.Code);
        Assert.Equal(AgreementStatus.Draft, renewal.Status);
        Assert.Equal(new DateOnly(2027, 1, 1), renewal.Terms.TermStart);
        Assert.Equal(new DateOnly(2027, 12, 31), renewal.Terms.TermEnd);
        Assert.Equal(id, renewal.RenewedFromId);
        Assert.Equal((await DetailsAsync(service, id)).Code, renewal.RenewedFromCode);
        Assert.Equal(800, renewal.Terms.CommissionBp);
        Assert.Equal(2, renewal.Terms.Tiers.Count);
    }

    [Fact]
    public async Task Sign_OverlappingSignedAgreement_RefusedNamingIt()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var first = await SignedAsync(service, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        var second = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 12, 31), new(2028, 6, 30)));
        await service.SubmitAsync(People.ManagerWang, second, 0);

        var ex = await Assert.ThrowsAsync<DomainException>(async () =>
            await service.SignAsync(People.ManagerLiu, second, (await DetailsAsync(service, second)).Revision, new AgreementSigning(Today, "HT-2")));
        Assert.Contains((await DetailsAsync(service, first)).Code, ex.Message);
        Assert.Contains("2027-01-01", ex.Message);
        Assert.Contains("2027-12-31", ex.Message);
        Assert.Equal(AgreementStatus.PendingApproval, (await DetailsAsync(service, second)).Status);
    }

    [Fact]
    public async Task Sign_TouchingTerms_Accepted()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        await SignedAsync(service, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        // Ends the day before the first starts, and starts the day after it ends.
        var before = await SignedAsync(service, data.Draft(new(2026, 12, 1), new(2026, 12, 31)));
        var after = await SignedAsync(service, data.Draft(new(2028, 1, 1), new(2028, 6, 30)));
        Assert.Equal(AgreementStatus.Signed, (await DetailsAsync(service, before)).StoredStatus);
        Assert.Equal(AgreementStatus.Signed, (await DetailsAsync(service, after)).StoredStatus);
    }

    [Fact]
    public async Task Sign_OverlapWithTerminatedOrOtherSupplier_Accepted()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var first = await SignedAsync(service, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.TerminateAsync(People.ManagerLiu, first, (await DetailsAsync(service, first)).Revision, "重新谈判");
        await SignedAsync(service, data.Draft(new(2027, 6, 1), new(2028, 5, 31)));
        var other = data.Draft(new(2027, 6, 1), new(2028, 5, 31)) with { SupplierId = data.OtherSupplierId, BrandIds = [data.OtherBrandId] };
        await SignedAsync(service, other);
    }

    [Fact]
    public async Task Sign_TwoApproversAtOnce_OneWinsTheOtherIsToldChangedBySomeoneElse()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        var revision = (await DetailsAsync(service, id)).Revision; // both pages loaded this one

        var results = await Task.WhenAll(
            Attempt(() => service.SignAsync(People.ManagerLiu, id, revision, new AgreementSigning(Today, "HT-LIU"))),
            Attempt(() => service.SignAsync(ManagerZhao, id, revision, new AgreementSigning(Today, "HT-ZHAO"))));

        Assert.Single(results, r => r is null);
        var loser = Assert.IsType<ConcurrencyConflictException>(Assert.Single(results, r => r is not null));
        Assert.Contains("changed by someone else", loser.Message, StringComparison.OrdinalIgnoreCase);
        var details = await DetailsAsync(service, id);
        Assert.Equal(AgreementStatus.Signed, details.StoredStatus);
        Assert.Single(details.History, h => h.Action == "agreement.signed");
        Assert.Equal(details.ApproverId == "am.liu" ? "HT-LIU" : "HT-ZHAO", details.DocumentReference);
    }

    [Fact]
    public async Task EditDraft_StaleRevision_ConcurrencyConflictAndNothingWritten()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.EditDraftAsync(People.ManagerLiu, id, 0, data.Draft(new(2027, 1, 1), new(2027, 12, 31), commissionBp: 600));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            service.EditDraftAsync(People.ManagerWang, id, 0, data.Draft(new(2027, 1, 1), new(2027, 12, 31), commissionBp: 900)));
        Assert.Equal(600, (await DetailsAsync(service, id)).Terms.CommissionBp);
    }

    [Fact]
    public async Task Sign_WithScan_StoredAndReadBack()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        await service.SignAsync(People.ManagerLiu, id, 1, new AgreementSigning(Today, "HT", new SignedScanFile(@"C:\scans\合同.png", png)));

        var scan = await service.ScanAsync(id);
        Assert.NotNull(scan);
        Assert.Equal("合同.png", scan.FileName);
        Assert.Equal("image/png", scan.ContentType);
        Assert.Equal(png, scan.Content);
    }

    [Fact]
    public async Task Sign_FutureSigningDate_Refused()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        await Assert.ThrowsAsync<DomainException>(() => service.SignAsync(People.ManagerLiu, id, 1, new AgreementSigning(Today.AddDays(1), "HT")));
    }

    [Fact]
    public async Task Progress_SmallDataSet_HandComputedFigures()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var id = await SignedAsync(service, data.Draft(new(2026, 1, 1), new(2026, 12, 31)));
        await data.AddLineAsync(database, data.BrandIds[0], new(2025, 12, 31), 999_999);            // before the term
        await data.AddLineAsync(database, data.BrandIds[0], new(2026, 1, 1), 1_000_000, 100_000);    // net 900,000
        await data.AddLineAsync(database, data.BrandIds[1], new(2026, 6, 15), 2_000_000);            // net 2,000,000
        await data.AddLineAsync(database, data.OtherBrandId, new(2026, 6, 15), 5_000_000);           // a brand not covered
        await data.AddLineAsync(database, data.BrandIds[0], Today, 100_000);                         // today counts

        var details = await DetailsAsync(service, id);
        var progress = details.Progress;
        Assert.Equal(3_000_000, progress.NetGmvFen);
        Assert.Equal(5000, progress.PercentOfTargetBp);
        Assert.Equal(3_298_193, progress.ProjectedFen);   // 3,000,000 × 365 / 332
        Assert.Equal(3_000_000, progress.TierReached?.ThresholdFen); // exactly at the threshold
        Assert.Equal(2_000_000, progress.GapToNextTierFen);
        Assert.Equal(700, progress.EffectiveCommissionBp);

        // The chart: cumulative by month end, today, then the rest of the term as pace only.
        var june = Assert.Single(details.Chart, p => p.Until == new DateOnly(2026, 6, 30));
        Assert.Equal(2_900_000, june.CumulativeNetGmvFen);
        Assert.Equal(Money.RoundDiv(6_000_000L * 181, 365), june.PaceFen);
        Assert.Equal(3_000_000, Assert.Single(details.Chart, p => p.Until == Today).CumulativeNetGmvFen);
        Assert.Null(details.Chart[^1].CumulativeNetGmvFen);
        Assert.Equal(6_000_000, details.Chart[^1].PaceFen);
    }

    [Fact]
    public async Task Search_FiltersSortsAndPagesOnTheServer()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var active = await SignedAsync(service, data.Draft(new(2026, 1, 1), new(2026, 12, 20)));   // ends in 22 days
        var future = await SignedAsync(service, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        var draft = await service.CreateDraftAsync(People.ManagerLiu, data.Draft(new(2028, 1, 1), new(2028, 12, 31)));
        var other = await service.CreateDraftAsync(People.ManagerWang,
            data.Draft(new(2027, 1, 1), new(2027, 12, 31)) with { SupplierId = data.OtherSupplierId, BrandIds = [data.OtherBrandId] });

        async Task<IReadOnlyList<int>> Ids(AgreementQuery q, PageRequest? page = null) =>
            (await service.SearchAsync(q, page ?? new PageRequest(SortBy: nameof(AgreementRow.Code)))).Items.Select(r => r.Id).ToList();

        Assert.Equal([active], await Ids(new AgreementQuery { Status = AgreementStatus.Active }));
        Assert.Equal([future], await Ids(new AgreementQuery { Status = AgreementStatus.Signed }));
        Assert.Equal([draft, other], (await Ids(new AgreementQuery { Status = AgreementStatus.Draft })).Order());
        Assert.Equal([draft], await Ids(new AgreementQuery { ManagerId = "am.liu" }));
        Assert.Equal([active], await Ids(new AgreementQuery { ExpiringWithinDays = 30 }));
        Assert.Empty(await Ids(new AgreementQuery { ExpiringWithinDays = 30, Status = AgreementStatus.Draft }));
        Assert.Equal([other], await Ids(new AgreementQuery { Search = "优品" }));
        Assert.Equal([other], await Ids(new AgreementQuery { Search = "SUP-000002" }));

        var page = await service.SearchAsync(new AgreementQuery(), new PageRequest(1, 3, nameof(AgreementRow.TermStart)));
        Assert.Equal(4, page.Total);
        Assert.Equal([draft], page.Items.Select(r => r.Id));
        var firstRow = (await service.SearchAsync(new AgreementQuery(), new PageRequest(0, 1, nameof(AgreementRow.TermStart)))).Items[0];
        Assert.Equal(active, firstRow.Id);
        Assert.Equal("杭州织梦服饰有限公司", firstRow.SupplierName);
        Assert.Equal(AgreementStatus.Active, firstRow.Status);
        Assert.Equal(2, firstRow.Brands.Count);
    }

    [Fact]
    public async Task Search_SeveralAgreementsAndBrands_ProgressAsEachAgreementsOwnAndOneQueryForThePage()
    {
        var (database, service, data) = await SetUpAsync();
        await using var _ = database;
        var (b0, b1, other) = (data.BrandIds[0], data.BrandIds[1], data.OtherBrandId);
        var both = await SignedAsync(service, data.Draft(new(2026, 1, 1), new(2026, 12, 31)));
        var expired = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2025, 6, 1), new(2026, 5, 31)) with { BrandIds = [b0] });
        var future = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)) with { BrandIds = [b1] });
        var endsToday = await service.CreateDraftAsync(People.ManagerLiu, data.Draft(new(2026, 11, 1), Today, targetFen: 1_000_000) with { BrandIds = [b1] });
        var otherSupplier = await service.CreateDraftAsync(People.ManagerWang,
            data.Draft(new(2026, 3, 1), new(2026, 10, 31)) with { SupplierId = data.OtherSupplierId, BrandIds = [other] });
        foreach (var (brand, day, paid, refund) in new (int, DateOnly, long, long)[]
        {
            (b0, new(2025, 5, 31), 111_000, 0), (b0, new(2025, 6, 1), 250_000, 50_000), (b0, new(2026, 1, 1), 1_000_000, 100_000),
            (b0, new(2026, 5, 31), 700_000, 0), (b0, new(2026, 6, 1), 300_000, 0), (b1, new(2026, 2, 14), 2_000_000, 0),
            (b1, new(2026, 11, 1), 400_000, 0), (b1, Today, 900_000, 300_000), (other, new(2026, 2, 28), 5_000_000, 0),
            (other, new(2026, 3, 1), 800_000, 0), (other, new(2026, 10, 31), 600_000, 100_000), (other, new(2026, 11, 1), 1_234_000, 0),
        })
        {
            await data.AddLineAsync(database, brand, day, paid, refund);
        }

        using var dailyReads = new SqlCommandCounter(database, "DailySales");
        var rows = (await service.SearchAsync(new AgreementQuery(), new PageRequest(0, 10, nameof(AgreementRow.Code)))).Items;
        Assert.Equal(1, dailyReads.Reset());

        Assert.Equal(new[] { both, expired, future, endsToday, otherSupplier }.Order(), rows.Select(r => r.Id).Order());
        foreach (var row in rows)
        {
            // The per-agreement computation the detail page keeps: MetricsService's net GMV over the covered brands.
            var details = await DetailsAsync(service, row.Id);
            var until = AgreementProgress.MeasuredUntil(details.Terms, Today);
            var net = until is { } to ? await database.Get<MetricsService>().NetGmvAsync(details.Brands.Select(b => b.Id).ToList(), details.Terms.TermStart, to) : 0;
            Assert.Equal(AgreementProgress.Calculate(details.Terms, net, Today), row.Progress);
            Assert.Equal(details.Progress, row.Progress);
        }
        Assert.Equal((4_900_000L, 1_800_000L, 0L, 1_000_000L, 1_300_000L),
            (Net(both), Net(expired), Net(future), Net(endsToday), Net(otherSupplier)));

        long Net(int id) => rows.Single(r => r.Id == id).Progress.NetGmvFen;
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)] // an executable renamed .pdf
    public void SignedScan_MagicBytesDecide(byte[] head, string? contentType) => Assert.Equal(contentType, SignedScanFile.Sniff(head));

    [Fact]
    public void SignedScan_OverFiveMegabytes_RefusedAtFiveAccepted()
    {
        var exactly = new byte[SignedScanFile.MaxBytes];
        "%PDF-"u8.CopyTo(exactly);
        new SignedScanFile("a.pdf", exactly).Validate();
        var over = new byte[SignedScanFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(over);
        Assert.Throws<DomainException>(() => new SignedScanFile("a.pdf", over).Validate());
        Assert.Throws<DomainException>(() => new SignedScanFile("a.pdf", [0x4D, 0x5A]).Validate());
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try { await action(); return null; }
        catch (DomainException ex) { return ex; }
    }
}

using System.Globalization;
using BackOffice.Domain.Agreements;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Suppliers;

namespace BackOffice.Domain.Seeding;

/// <summary>Suppliers, brands with their review history, products and framework agreements.</summary>
internal sealed partial class SeedRun
{
    private static readonly Dictionary<string, string> SkuPrefixes = new()
    {
        ["Beauty"] = "BE", ["Apparel"] = "AP", ["MotherBaby"] = "MB", ["Food"] = "FD",
        ["Home"] = "HM", ["ShoesBags"] = "SB", ["PersonalCare"] = "PC", ["Sports"] = "SP",
    };

    private sealed record SupplierPlan(Supplier Supplier, string MainCategory);

    private sealed class BrandPlan(Brand brand, int index, BrandStatus target, double popularity, double discount, int commissionBp)
    {
        public Brand Brand { get; } = brand;
        public int Index { get; } = index;
        public BrandStatus Target { get; } = target;
        public double Popularity { get; } = popularity;
        public double Discount { get; } = discount;
        public int ShopkeeperCommissionBp { get; } = commissionBp;
        public List<Product> Selectable { get; } = [];
        public List<(DateTime Start, DateTime End)> Sales { get; } = [];
    }

    private readonly List<SupplierPlan> _suppliers = [];
    private readonly List<BrandPlan> _brands = [];
    private readonly List<FrameworkAgreement> _agreements = [];
    private int _productCount;

    private List<Supplier> PlanSuppliers()
    {
        var random = SeedRandom.Stream(_options.Seed, 1);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= _size.Suppliers; i++)
        {
            var category = random.Pick(Categories.All).Code;
            var (city, division) = random.Pick(DemoVocabulary.SupplierCities);
            string name;
            var attempt = 0;
            do
            {
                var suffix = random.Chance(0.15) ? random.Pick(["贸易有限公司", "实业有限公司", "电子商务有限公司"]) : random.Pick(DemoVocabulary.CompanySuffixes[category]);
                name = city + random.Pick(DemoVocabulary.TradeNames) + suffix;
                if (++attempt > 20) name = city + random.Pick(DemoVocabulary.TradeNames) + random.Pick(DemoVocabulary.TradeNames) + suffix;
            }
            while (!names.Add(name));
            UnifiedSocialCreditCode credit;
            do credit = random.CreditCode(division);
            while (!codes.Add(credit.Value));
            var bank = random.Pick(DemoVocabulary.Banks);
            var account = new BankAccount(name, $"{bank}{city}分行", "62" + random.Digits(17));
            var createdAt = _cutoff - TimeSpan.FromDays(_size.Days + 60 + random.Next(640)) + TimeSpan.FromMinutes(random.Next(60 * 9, 60 * 18) - 480);
            var supplier = new Supplier(SupplierCode.Format(i), name, credit, random.ChineseName(0.5), random.ChinesePhone(), account, createdAt);
            _suppliers.Add(new SupplierPlan(supplier, category));
        }
        return _suppliers.Select(s => s.Supplier).ToList();
    }

    /// <summary>Every supplier has a brand; the rest go mostly to a few big suppliers. One brand in 25 of each other status.</summary>
    private List<Brand> PlanBrands()
    {
        var random = SeedRandom.Stream(_options.Seed, 2);
        var owners = Enumerable.Range(0, _suppliers.Count).ToList();
        var supplierWeights = SeedRandom.Cumulative(_suppliers.Select(_ => Math.Exp(random.NextDouble() * 3)));
        while (owners.Count < _size.Brands) owners.Add(random.PickCumulative(supplierWeights));
        owners.Sort();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < owners.Count; i++)
        {
            var supplier = _suppliers[owners[i]];
            var category = random.Chance(0.8) ? supplier.MainCategory : random.Pick(Categories.All).Code;
            string zh, latin;
            do
            {
                var syllables = Enumerable.Range(0, random.Chance(0.8) ? 2 : 3).Select(_ => random.Pick(DemoVocabulary.BrandSyllables)).ToList();
                zh = string.Concat(syllables.Select(s => s.Zh));
                latin = string.Concat(syllables.Select(s => s.Latin));
                latin = char.ToUpperInvariant(latin[0]) + latin[1..];
            }
            while (!names.Add(zh));
            var trademarkExpires = (i % 37, i % 41) switch
            {
                (5, _) => _options.Today.AddDays(1 + random.Next(29)),
                (_, 7) => _options.Today.AddDays(-1 - random.Next(90)),
                _ => _options.Today.AddDays(90 + random.Next(3000)),
            };
            var authorizationExpires = (i % 43, i % 47) switch
            {
                (11, _) => _options.Today.AddDays(1 + random.Next(29)),
                (_, 13) => _options.Today.AddDays(-1 - random.Next(60)),
                _ => _options.Today.AddDays(60 + random.Next(660)),
            };
            var details = new BrandDetails(zh, latin, category, random.Next(10_000_000, 60_000_000).ToString(CultureInfo.InvariantCulture), trademarkExpires,
                $"{supplier.Supplier.Name}获“{zh}”品牌方授权，在本平台开展品牌特卖 · Authorised to sell {latin} on the platform", authorizationExpires);
            var (applicant, _) = SelectionPair(random);
            var available = (_cutoff - supplier.Supplier.CreatedAt).TotalDays - 20;
            var createdAt = supplier.Supplier.CreatedAt + TimeSpan.FromDays(random.NextDouble() * available);
            var brand = new Brand(supplier.Supplier.Id, details, applicant, createdAt);
            var target = (i % 25) switch
            {
                1 => BrandStatus.Draft,
                2 => BrandStatus.Submitted,
                3 => BrandStatus.UnderReview,
                4 or 14 => BrandStatus.Rejected,
                5 => BrandStatus.Suspended,
                _ => BrandStatus.Approved,
            };
            if (target != BrandStatus.Draft) brand.Submit(applicant, createdAt + TimeSpan.FromHours(1 + random.Next(72)));
            var popularity = Math.Exp(NextGaussian(random) * 0.8);
            var discount = 0.35 + random.NextDouble() * 0.33;
            _brands.Add(new BrandPlan(brand, i, target, popularity, discount, 1000 + 100 * random.Next(11)));
        }
        return _brands.Select(b => b.Brand).ToList();
    }

    /// <summary>Reviews open, assessments are scored and brands decided by someone other than the applicant.</summary>
    private List<BrandAssessment> DecideBrands()
    {
        var random = SeedRandom.Stream(_options.Seed, 3);
        var assessments = new List<BrandAssessment>();
        foreach (var plan in _brands.Where(b => b.Target is not (BrandStatus.Draft or BrandStatus.Submitted)))
        {
            var brand = plan.Brand;
            var reviewer = brand.ApplicantId == _selectionA.UserId ? _selectionB : _selectionA;
            brand.StartReview(reviewer);
            if (plan.Target == BrandStatus.UnderReview) continue;
            var decidedAt = brand.SubmittedAt!.Value + TimeSpan.FromHours(4 + random.Next(24 * 9));
            var approve = plan.Target is BrandStatus.Approved or BrandStatus.Suspended;
            var overrule = approve && random.Chance(0.04);
            var scores = Scores(random, recommended: approve && !overrule);
            var assessment = new BrandAssessment(brand.Id, scores, reviewer, decidedAt);
            assessments.Add(assessment);
            if (!approve)
            {
                brand.Reject(reviewer, random.Pick(["货品质量不稳定，售后投诉率偏高 · Unsteady quality and many after-sales complaints",
                    "授权链不完整 · The authorisation chain is incomplete", "价格无竞争力 · Prices are not competitive"]), decidedAt);
                continue;
            }
            brand.Approve(assessment, reviewer, "五大好评审通过 · Passed the five big goods review",
                overrule ? "战略品牌，先行试销 · Strategic brand: trial sales first" : null, decidedAt);
            if (plan.Target == BrandStatus.Suspended)
                brand.Suspend(random.Pick(["消费者投诉待核查 · Consumer complaints under investigation", "发货延迟严重 · Serious shipping delays"]));
        }
        return assessments;
    }

    private static BrandScores Scores(Random random, bool recommended)
    {
        var s = Enumerable.Range(0, 5).Select(_ => 3 + random.Next(3)).ToArray();
        if (recommended)
        {
            while (s.Sum() < BrandAssessment.MinimumSumForRecommendation) s[random.Next(5)] = Math.Min(5, s[random.Next(5)] + 1);
        }
        else
        {
            s[random.Next(5)] = 1 + random.Next(2);
        }
        static string Comment(int score) => score switch
        {
            >= 5 => "表现突出 · Outstanding",
            4 => "良好 · Good",
            3 => "符合要求 · Meets the bar",
            _ => "有待改进 · Needs work",
        };
        return new BrandScores(s[0], s[1], s[2], s[3], s[4], Comment(s[0]), Comment(s[1]), Comment(s[2]), Comment(s[3]), Comment(s[4]));
    }

    /// <summary>6–24 SKUs a brand; most pass the five small goods, a few are unscored or fall short.</summary>
    private List<Product> PlanProducts()
    {
        var random = SeedRandom.Stream(_options.Seed, 4);
        var products = new List<Product>();
        foreach (var plan in _brands)
        {
            var brand = plan.Brand;
            var (goods, minYuan, maxYuan) = DemoVocabulary.Goods[brand.Category];
            var count = 6 + random.Next(19);
            for (var n = 1; n <= count; n++)
            {
                var yuan = (long)Math.Exp(Math.Log(minYuan) + random.NextDouble() * (Math.Log(maxYuan) - Math.Log(minYuan)));
                yuan = yuan < 10 ? 9 : yuan / 10 * 10 + 9;
                var sku = $"{SkuPrefixes[brand.Category]}{plan.Index + 1:00000}-{n:00}";
                var name = $"{brand.NameZh} {goods[(n - 1) % goods.Length]}{(n > goods.Length ? $" 款{(n - 1) / goods.Length + 1}" : "")}";
                var product = new Product(brand.Id, sku, name, Money.FromYuan(yuan));
                if (!random.Chance(0.06))
                {
                    var suggested = ProductScore.SuggestPriceScore(product.ListPrice.Times(new BasisPoints((int)(plan.Discount * 10_000))), product.ListPrice);
                    var price = random.Chance(0.05) ? Math.Min(5, suggested + 1) : suggested;
                    int Score() => random.Chance(0.025) ? 2 : 3 + random.Next(3);
                    product.ScoreWith(ProductScore.Create(Score(), price, Score(), Score(), Score(), suggested,
                        price == suggested ? null : "同类商品比价更优 · Cheaper than comparable products"));
                }
                if (product.IsSelectable) plan.Selectable.Add(product);
                products.Add(product);
            }
        }
        _productCount = products.Count;
        return products;
    }

    /// <summary>
    /// About half the suppliers with an approved brand have agreements, in every state. Signed terms of
    /// one supplier follow each other (a renewal starts the day after), so they never overlap.
    /// </summary>
    private List<FrameworkAgreement> PlanAgreements()
    {
        var random = SeedRandom.Stream(_options.Seed, 5);
        var numbers = new Dictionary<int, int>();
        var today = _options.Today;
        string NextCode(DateOnly start)
        {
            numbers[start.Year] = numbers.GetValueOrDefault(start.Year) + 1;
            return FrameworkAgreement.FormatCode(start.Year, numbers[start.Year]);
        }
        var brandsBySupplier = _brands.Where(b => b.Target == BrandStatus.Approved).GroupBy(b => b.Brand.SupplierId).ToDictionary(g => g.Key, g => g.ToList());
        var scenario = 0;
        foreach (var supplier in _suppliers.Select(s => s.Supplier))
        {
            if (!brandsBySupplier.TryGetValue(supplier.Id, out var brands) || !random.Chance(0.5)) continue;
            var (author, approver) = random.Chance(0.5) ? (_amA, _amB) : (_amB, _amA);
            var covered = brands.Where(_ => random.Chance(0.8)).Select(b => b.Brand.Id).DefaultIfEmpty(brands[0].Brand.Id).ToList();
            FrameworkAgreement Make(DateOnly start, int days = 365)
            {
                var target = Money.FromYuan(1_000_000 * (1 + random.Next(50))).Fen;
                var commission = random.Chance(0.1) ? 1100 + 100 * random.Next(5) : 500 + 50 * random.Next(11);
                var tiers = new List<RebateTier>();
                var steps = 1 + random.Next(3);
                for (var t = 1; t <= steps; t++) tiers.Add(new RebateTier(target * t * 30 / 100, Math.Min(commission, 50 * t)));
                var terms = new AgreementTerms(start, start.AddDays(days - 1), target, commission, 70 + 5 * random.Next(5),
                    random.Pick([5, 7, 10]), random.Pick([30, 45, 60]), tiers);
                var createdAt = ChinaTime.ToUtc(start.AddDays(-20 - random.Next(30)), new TimeOnly(10, 30));
                var agreement = new FrameworkAgreement(NextCode(start), supplier.Id, covered, terms, author, createdAt);
                agreement.EditDraft(covered, terms, $"{supplier.ContactName}（供应商）; {author.DisplayName}（平台）", "");
                _agreements.Add(agreement);
                return agreement;
            }
            void Sign(FrameworkAgreement agreement)
            {
                agreement.Submit(author);
                var signedOn = agreement.TermStart.AddDays(-3 - random.Next(10));
                agreement.Sign(approver, signedOn, $"HT-{signedOn:yyyyMMdd}-{agreement.Code[^4..]}", null, null);
            }
            switch (scenario++ % 10)
            {
                case 0 or 1 or 2:
                    // Active, half of them renewing an expired one.
                    var start = today.AddDays(-30 - random.Next(300));
                    if (random.Chance(0.5)) Sign(Make(start.AddDays(-365)));
                    Sign(Make(start));
                    break;
                case 3:
                    // Active now, its renewal waiting for approval.
                    var current = Make(today.AddDays(-200 - random.Next(150)));
                    Sign(current);
                    var renewal = current.Renew(NextCode(current.TermEnd.AddDays(1)), author, ChinaTime.ToUtc(today.AddDays(-5), new TimeOnly(15, 0)));
                    _agreements.Add(renewal);
                    renewal.Submit(author);
                    break;
                case 4:
                    Sign(Make(today.AddDays(1 + random.Next(30))));
                    break;
                case 5:
                    Sign(Make(today.AddDays(-366 - random.Next(120))));
                    break;
                case 6:
                    var terminated = Make(today.AddDays(-60 - random.Next(200)));
                    Sign(terminated);
                    terminated.Terminate(random.Pick(["供应商经营调整 · The supplier restructured", "多次发货延迟，双方协商终止 · Repeated late shipments: ended by agreement"]), today);
                    break;
                case 7:
                    Make(today.AddDays(10 + random.Next(40)));
                    break;
                default:
                    Make(today.AddDays(random.Next(30))).Submit(author);
                    break;
            }
        }
        return _agreements;
    }

    private (Common.Actor Applicant, Common.Actor Reviewer) SelectionPair(Random random) =>
        random.Chance(0.5) ? (_selectionA, _selectionB) : (_selectionB, _selectionA);

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

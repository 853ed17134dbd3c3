using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// Which procedure a dossier is for. Weighted by field (lĩnh vực), shared equally by the field's procedures:
/// certification and civil status are everyday work at every commune, land is less common (but slow).
/// </summary>
public sealed class ProcedureMix
{
    // Relative shares of the province's dossiers, in the order of magnitude one-stop statistics show.
    private static readonly Dictionary<string, double> FieldWeights = new(StringComparer.Ordinal)
    {
        ["Chứng thực"] = 30,
        ["Hộ tịch"] = 20,
        [CatalogueProcedure.LandField] = 10,
        ["Đăng ký, quản lý cư trú"] = 3,
        ["Bảo trợ xã hội"] = 5,
        ["Đường bộ"] = 2,
        ["Đăng ký biện pháp bảo đảm"] = 3,
        ["Lý lịch tư pháp"] = 3,
        ["Thành lập và hoạt động của doanh nghiệp"] = 3,
        ["Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)"] = 2,
        ["Hoạt động xây dựng"] = 2,
        ["Việc làm"] = 2,
        ["Giáo dục trung học"] = 1,
        ["Văn bằng, chứng chỉ"] = 1,
    };

    private const double OtherFieldWeight = 0.5;

    private readonly IReadOnlyList<CatalogueProcedure> _procedures;
    private readonly double[] _cumulative;

    public ProcedureMix(IReadOnlyList<CatalogueProcedure> procedures)
    {
        _procedures = procedures;
        var perField = procedures.CountBy(p => p.Field).ToDictionary(c => c.Key, c => c.Value);
        var total = 0.0;
        _cumulative = procedures.Select(p => total += FieldWeights.GetValueOrDefault(p.Field, OtherFieldWeight) / perField[p.Field]).ToArray();
    }

    public CatalogueProcedure Next(Random random) => _procedures[random.Pick(_cumulative)];
}

using DossierTracker.Organisation;
using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// Which unit receives a dossier: one valid on the day, at a level the procedure is received at (communes more often
/// than districts and departments when a procedure is received at several). After the 2025 reform there are no
/// districts; their procedures go to the communes, which took them over. A department is the one whose remit the
/// procedure's field is (by name), when the tree has it.
/// </summary>
public sealed class UnitChooser(OrganisationTree tree)
{
    private static readonly Dictionary<UnitLevel, double> LevelWeights = new()
    {
        [UnitLevel.Commune] = 4, [UnitLevel.District] = 1, [UnitLevel.Department] = 1,
    };

    // Name fragments of the receiving department by field; the first that names a valid department wins, so the
    // same table serves the departments before and after their 2025 mergers.
    private static readonly Dictionary<string, string[]> DepartmentsByField = new(StringComparer.Ordinal)
    {
        [CatalogueProcedure.LandField] = ["Tài nguyên và Môi trường", "Nông nghiệp và Môi trường"],
        ["Tài nguyên nước"] = ["Tài nguyên và Môi trường", "Nông nghiệp và Môi trường"],
        ["Môi trường"] = ["Tài nguyên và Môi trường", "Nông nghiệp và Môi trường"],
        ["Lý lịch tư pháp"] = ["Tư pháp"],
        ["Thành lập và hoạt động của doanh nghiệp"] = ["Kế hoạch và Đầu tư", "Tài chính"],
        ["Đầu tư tại Việt Nam"] = ["Kế hoạch và Đầu tư", "Tài chính"],
        ["Hoạt động xây dựng"] = ["Xây dựng"],
        ["Đường bộ"] = ["Giao thông vận tải", "Xây dựng"],
        ["Việc làm"] = ["Lao động - Thương binh và Xã hội", "Nội vụ"],
        ["Lao động"] = ["Lao động - Thương binh và Xã hội", "Nội vụ"],
        ["Văn bằng, chứng chỉ"] = ["Giáo dục"],
        ["Khám bệnh, chữa bệnh"] = ["Y tế"],
        ["An toàn thực phẩm và Dinh dưỡng"] = ["Y tế"],
        ["Đăng ký, quản lý cư trú"] = ["Công an"],
    };

    /// <summary>The receiving units valid on <paramref name="day"/> (a few hundred units: cheap once a day).</summary>
    public UnitsOfADay On(DateOnly day) =>
        new(tree.Units.Where(u => u.IsValidOn(day)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList());

    public sealed class UnitsOfADay
    {
        private readonly Dictionary<UnitLevel, (Unit[] Units, double[] Cumulative)> _byLevel;
        private readonly List<Unit> _departments;

        internal UnitsOfADay(IReadOnlyList<Unit> valid)
        {
            _departments = valid.Where(u => u.Level == UnitLevel.Department).ToList();
            _byLevel = valid.Where(u => u.Level is UnitLevel.Commune or UnitLevel.District)
                .GroupBy(u => u.Level)
                .ToDictionary(g => g.Key, g =>
                {
                    var total = 0.0;
                    return (g.ToArray(), g.Select(u => total += Size(u)).ToArray());
                });
        }

        public Unit For(CatalogueProcedure procedure, Random random)
        {
            var levels = procedure.Levels
                .Select(level => level == UnitLevel.District && !_byLevel.ContainsKey(UnitLevel.District) ? UnitLevel.Commune : level)
                .Distinct()
                .Where(level => level == UnitLevel.Department ? _departments.Count > 0 : _byLevel.ContainsKey(level))
                .ToArray();
            if (levels.Length == 0)
                throw new SimulatorException($"No unit valid on the day receives procedure {procedure.Code} (levels {string.Join(", ", procedure.Levels)}).");

            var total = 0.0;
            var level = levels[random.Pick(levels.Select(l => total += LevelWeights.GetValueOrDefault(l, 1)).ToArray())];
            if (level == UnitLevel.Department) return Department(procedure.Field, random);
            var (units, cumulative) = _byLevel[level];
            return units[random.Pick(cumulative)];
        }

        private Unit Department(string field, Random random)
        {
            foreach (var fragment in DepartmentsByField.GetValueOrDefault(field, []))
            {
                var match = _departments.Find(d => d.Name.Contains(fragment, StringComparison.Ordinal));
                if (match is not null) return match;
            }
            return _departments[random.Next(_departments.Count)];
        }

        /// <summary>
        /// Towns, wards and the provincial city receive more than rural communes; the rest vary by a fixed factor
        /// derived from the code, so a unit's size is the same in every run.
        /// </summary>
        private static double Size(Unit unit)
        {
            var urban = unit.Name.StartsWith("Phường", StringComparison.Ordinal) || unit.Name.StartsWith("Thị trấn", StringComparison.Ordinal)
                || unit.Name.StartsWith("Thành phố", StringComparison.Ordinal);
            var spread = 0.6 + 0.8 * (StableHash(unit.Code) % 1000) / 1000.0;
            return (urban ? 2.0 : 1.0) * spread;
        }

        private static uint StableHash(string text)
        {
            var hash = 2166136261u; // FNV-1a: string.GetHashCode is randomised per process
            foreach (var c in text) hash = (hash ^ c) * 16777619u;
            return hash;
        }
    }
}

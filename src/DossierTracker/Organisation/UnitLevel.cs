namespace DossierTracker.Organisation;

public enum UnitLevel
{
    Province,
    Department,
    District,
    Commune,
}

"""Complaint categories and sub-categories, as the scheme reports them (annual statistics)."""

from __future__ import annotations

from .stages import LabelledEnum


class Category(LabelledEnum):
    ADULT_CARE = "adult_care", "Adult care services"
    BENEFITS_TAX = "benefits_tax", "Benefits and tax"
    CHILDRENS_CARE = "childrens_care", "Children's care services"
    EDUCATION = "education", "Education"
    ENVIRONMENT = "environment", "Environment and regulation"
    HIGHWAYS = "highways", "Highways and transport"
    HOUSING = "housing", "Housing"
    PLANNING = "planning", "Planning"
    CORPORATE = "corporate", "Corporate and other services"


# Sub-categories are keyed "<category>.<name>" so one code says both.
SUBCATEGORIES: dict[Category, tuple[tuple[str, str], ...]] = {
    Category.ADULT_CARE: (
        ("assessment_care_plan", "Assessment and care plan"),
        ("charging", "Charging"),
        ("residential_care", "Residential care"),
        ("domiciliary_care", "Domiciliary care"),
        ("safeguarding", "Safeguarding"),
        ("direct_payments", "Direct payments"),
    ),
    Category.BENEFITS_TAX: (
        ("council_tax", "Council tax"),
        ("housing_benefit", "Housing benefit and council tax reduction"),
        ("business_rates", "Business rates"),
    ),
    Category.CHILDRENS_CARE: (
        ("child_protection", "Child protection"),
        ("looked_after_children", "Looked after children"),
        ("special_guardianship", "Special guardianship"),
        ("disabled_children", "Disabled children"),
    ),
    Category.EDUCATION: (
        ("special_educational_needs", "Special educational needs"),
        ("school_admissions", "School admissions"),
        ("school_transport", "School transport"),
        ("alternative_provision", "Alternative provision"),
        ("exclusions", "Exclusions"),
    ),
    Category.ENVIRONMENT: (
        ("refuse_collection", "Refuse and recycling"),
        ("noise", "Noise and statutory nuisance"),
        ("licensing", "Licensing"),
        ("trading_standards", "Trading standards"),
        ("antisocial_behaviour", "Antisocial behaviour"),
    ),
    Category.HIGHWAYS: (
        ("parking", "Parking and penalty charges"),
        ("highway_maintenance", "Highway maintenance"),
        ("blue_badges", "Blue badges"),
        ("public_transport", "Public transport and concessionary travel"),
    ),
    Category.HOUSING: (
        ("homelessness", "Homelessness"),
        ("allocations", "Allocations"),
        ("temporary_accommodation", "Temporary accommodation"),
        ("disabled_facilities_grants", "Disabled facilities grants"),
        ("private_sector", "Private housing standards"),
    ),
    Category.PLANNING: (
        ("planning_applications", "Planning applications"),
        ("enforcement", "Enforcement"),
        ("building_control", "Building control"),
        ("land_charges", "Land charges"),
    ),
    Category.CORPORATE: (
        ("complaint_handling", "Complaint handling"),
        ("data_protection", "Data protection"),
        ("councillor_conduct", "Councillor conduct"),
        ("other", "Other services"),
    ),
}

SUBCATEGORY_LABELS: dict[str, str] = {
    f"{category.value}.{name}": label
    for category, items in SUBCATEGORIES.items()
    for name, label in items
}


def subcategory_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Sub-categories grouped by category, as a select's option groups."""
    return [
        (category.label, [(f"{category.value}.{name}", label) for name, label in items])
        for category, items in SUBCATEGORIES.items()
    ]


def subcategory_belongs_to(subcategory: str, category: Category) -> bool:
    return subcategory in SUBCATEGORY_LABELS and subcategory.startswith(f"{category.value}.")


class Channel(LabelledEnum):
    ONLINE = "online", "Online form"
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    PORTAL = "portal", "Portal message"


WRITTEN_CHANNELS = frozenset({Channel.ONLINE, Channel.EMAIL, Channel.LETTER, Channel.PORTAL})
# How complaints reach staff, who log them on the person's behalf (in the order offered).
STAFF_LOGGED_CHANNELS = (Channel.PHONE, Channel.LETTER, Channel.EMAIL)


class OrganisationType(LabelledEnum):
    COUNTY = "county", "County council"
    DISTRICT = "district", "District council"
    UNITARY = "unitary", "Unitary authority"
    METROPOLITAN = "metropolitan", "Metropolitan borough"
    LONDON_BOROUGH = "london_borough", "London borough"
    CARE_PROVIDER = "care_provider", "Adult social care provider"
    OTHER = "other", "Other body in jurisdiction"

"""What complainants say: summaries per sub-category, their impact, the outcome they want.

Summaries are written the way an intake officer records a complaint ("Mrs X complains the
Council ..."). Placeholders: {c} the complainant ("Mrs Okafor"), {p} and {o} their
possessive and object pronouns, {rel} an adult relative ("mother"), {child} a child ("son"),
{org} "the Council" or "the Care Provider", {w} weeks, {m} months, {n} a small count,
{amt} an amount in pounds, {mon} a month name. Every text is one line with no tabs or
backslashes (the PostgreSQL writer streams them into COPY unescaped).
"""

from __future__ import annotations

SUMMARIES: dict[str, tuple[str, ...]] = {
    "adult_care.assessment_care_plan": (
        "{c} complains {org} took {m} months to assess {p} {rel}'s care needs after a fall at "
        "home, and the care plan it produced left out the night-time support the occupational "
        "therapist recommended.",
        "{c} says {org} reduced {p} {rel}'s care package from four visits a day to two without "
        "a proper reassessment or telling the family why.",
        "{c} complains {org} has not reviewed {p} {rel}'s care and support plan for {m} months "
        "despite repeated requests after {p} {rel}'s needs increased.",
    ),
    "adult_care.charging": (
        "{c} complains {org} charged {p} {rel} £{amt} for care without first carrying out a "
        "financial assessment, then passed the debt to a collection agency.",
        "{c} says {org} wrongly treated {p} {rel}'s home as available capital and backdated "
        "care charges of £{amt}.",
        "{c} complains {org} did not tell the family that a third-party top-up would be "
        "needed, and {p} {rel} now faces a move to a cheaper home.",
    ),
    "adult_care.residential_care": (
        "{c} complains {org} did not manage {p} {rel}'s pressure sores, did not follow the "
        "district nurse's repositioning plan and did not tell the family when {p} {rel} was "
        "admitted to hospital.",
        "{c} says {org} gave {p} {rel} {n} days' notice to leave the care home after the "
        "family raised concerns, without following its own contract terms.",
        "{c} complains staff at {p} {rel}'s care home missed medication doses several times "
        "in {mon} and that the records were incomplete.",
    ),
    "adult_care.domiciliary_care": (
        "{c} says carers from {org} repeatedly arrived late or missed calls, leaving {p} {rel} "
        "without a meal or medication on {n} occasions in {mon}.",
        "{c} complains {org} cut home care visits short and did not support {p} {rel} to wash "
        "and dress as the care plan required.",
        "{c} says {org} charged for {n} visits that did not take place and did not answer the "
        "family's complaint.",
    ),
    "adult_care.safeguarding": (
        "{c} complains {org} did not properly investigate a safeguarding concern about bruising "
        "to {p} {rel} at a day centre and closed the enquiry without speaking to the family.",
        "{c} says {org}'s safeguarding enquiry wrongly recorded that the family had neglected "
        "{p} {rel}, and it has refused to correct its records.",
        "{c} complains {org} took {w} weeks to act on reports that {p} {rel} was being "
        "financially exploited by a neighbour.",
    ),
    "adult_care.direct_payments": (
        "{c} complains {org} suspended {p} direct payments without warning after an audit, "
        "leaving {o} without personal assistants for {w} weeks.",
        "{c} says {org} set {p} direct payment rate too low to recruit a personal assistant "
        "locally and will not review it.",
        "{c} complains {org} asked {o} to repay £{amt} of unspent direct payments that had been "
        "set aside with its agreement.",
    ),
    "benefits_tax.council_tax": (
        "{c} complains {org} took enforcement action and added £{amt} of costs for council tax "
        "arrears without sending reminders to {p} correct address.",
        "{c} says {org} refused a single person discount and backdated a bill of £{amt} "
        "despite evidence that {p} former partner had moved out.",
        "{c} complains {org} did not apply the severe mental impairment disregard for {p} {rel} "
        "and will not backdate it.",
    ),
    "benefits_tax.housing_benefit": (
        "{c} complains {org} took {w} weeks to process {p} housing benefit claim, so {p} "
        "landlord served notice for rent arrears.",
        "{c} says {org} is recovering a housing benefit overpayment of £{amt} caused by its own "
        "error and did not consider {p} request to write it off.",
        "{c} complains {org} stopped {p} council tax reduction without explanation and did not "
        "reply to {p} appeal letter.",
    ),
    "benefits_tax.business_rates": (
        "{c} complains {org} billed {p} small business £{amt} in business rates without "
        "applying the small business rate relief it had agreed.",
        "{c} says {org} sent enforcement agents to {p} shop over business rates while a request "
        "to review the bill was outstanding.",
        "{c} complains {org} took {m} months to refund £{amt} of business rates paid twice.",
    ),
    "childrens_care.child_protection": (
        "{c} complains {org}'s child protection assessment contained factual errors it refused "
        "to correct, and the report was not shared before the conference.",
        "{c} says {org} did not act on {p} reports about the welfare of {p} grandchildren for "
        "{w} weeks.",
        "{c} complains {org}'s social worker did not keep to the agreed contact arrangements and "
        "cancelled {n} meetings at short notice.",
    ),
    "childrens_care.looked_after_children": (
        "{c} complains {org} did not give the leaving care support set out in {p} pathway "
        "plan, including help with a deposit for a flat.",
        "{c} says {org} moved {p} {child} between {n} foster placements in a year without "
        "consulting the family or the school.",
        "{c} complains {org} has not paid the allowances agreed when {p} {child} was placed "
        "with the family under a kinship arrangement.",
    ),
    "childrens_care.special_guardianship": (
        "{c} complains {org} reduced {p} special guardianship allowance without a review and "
        "has not repaid the £{amt} owed.",
        "{c} says {org} has not provided the therapeutic support promised in the special "
        "guardianship support plan for {p} granddaughter.",
        "{c} complains {org} took {m} months to assess {o} for special guardianship support "
        "after the order was made.",
    ),
    "childrens_care.disabled_children": (
        "{c} complains {org} took {m} months to complete a social care assessment for {p} "
        "disabled {child} and has not provided the short breaks it agreed.",
        "{c} says {org} withdrew overnight respite for {p} {child}, who has complex needs, "
        "without a reassessment.",
        "{c} complains {org} refused to fund adaptations to the family home needed for {p} "
        "{child}'s wheelchair.",
    ),
    "education.special_educational_needs": (
        "{c} complains {org} took {w} weeks to issue {p} {child}'s Education, Health and Care "
        "plan, well beyond the 20-week limit, so {p} {child} missed specialist support for a "
        "term.",
        "{c} says {org} has not secured the speech and language therapy in section F of {p} "
        "{child}'s EHC plan since {mon}.",
        "{c} complains {org} did not complete the annual review of {p} {child}'s EHC plan or "
        "name a school before the start of term, leaving {p} {child} without a place.",
        "{c} complains {org} did not arrange the occupational therapy in {p} {child}'s EHC "
        "plan for {m} months and did not respond to emails from the school.",
    ),
    "education.school_admissions": (
        "{c} complains the school admission appeal panel did not properly consider {p} case "
        "for a place for {p} {child} at {p} preferred secondary school.",
        "{c} says {org} wrongly measured the home-to-school distance, so {p} {child} was "
        "refused a place at the catchment school.",
        "{c} complains the appeal panel clerk's notes do not reflect what was said at the "
        "hearing and the decision letter gave no reasons.",
    ),
    "education.school_transport": (
        "{c} complains {org} refused free school transport for {p} {child}, who is autistic, "
        "without considering whether the walking route was safe for {p} {child}.",
        "{c} says {org} withdrew {p} {child}'s place on the school bus mid-term and took {w} "
        "weeks to decide {p} appeal.",
        "{c} complains {org}'s transport contractor repeatedly failed to collect {p} {child}, "
        "who missed {n} days of school.",
    ),
    "education.alternative_provision": (
        "{c} complains {org} did not arrange suitable full-time education for {p} {child} "
        "while {p} {child} was too unwell to attend school, offering only {n} hours of "
        "tuition a week.",
        "{c} says {org} knew {p} {child} had been out of school for {m} months but did not act "
        "under section 19 of the Education Act 1996.",
        "{c} complains {org} delayed agreeing a tuition package after {p} {child}'s school "
        "placement broke down.",
    ),
    "education.exclusions": (
        "{c} complains {org} did not provide full-time education from the sixth day of {p} "
        "{child}'s permanent exclusion.",
        "{c} says {org} took {w} weeks to find a new school place for {p} {child} after the "
        "exclusion.",
        "{c} complains the independent review panel arranged by {org} did not consider the "
        "school's failure to follow its own behaviour policy.",
    ),
    "environment.refuse_collection": (
        "{c} complains {org} has missed {p} assisted bin collection {n} times since {mon} "
        "despite repeated reports.",
        "{c} says {org}'s crews leave spilled rubbish in the street after collections and {org} "
        "has not responded to {p} complaints.",
        "{c} complains {org} charged {o} for a bulky waste collection that never happened.",
    ),
    "environment.noise": (
        "{c} complains {org} has not properly investigated noise from a neighbouring commercial "
        "kitchen extractor that runs late into the night.",
        "{c} says {org} closed {p} complaint about a neighbour's dog barking without installing "
        "the recording equipment it had promised.",
        "{c} complains {org} took no action over amplified music from a nearby venue despite "
        "evidence of a statutory nuisance.",
    ),
    "environment.licensing": (
        "{c} complains {org} granted a premises licence to a late-night bar next to {p} home "
        "without properly considering objections.",
        "{c} says {org} has not enforced the licensed opening hours of a takeaway near {p} home.",
        "{c} complains {org} delayed renewing {p} taxi driver's licence for {w} weeks, so {c} "
        "could not work.",
    ),
    "environment.trading_standards": (
        "{c} complains {org}'s trading standards service did not act on {p} report about a "
        "rogue builder who took £{amt} from {p} {rel}.",
        "{c} says {org} did not investigate {p} complaint about a second-hand car dealer.",
        "{c} complains {org} did not keep {o} informed about its investigation into a doorstep "
        "trader.",
    ),
    "environment.antisocial_behaviour": (
        "{c} complains {org} has not acted on repeated reports of antisocial behaviour by "
        "neighbours and refused {p} request for a community trigger review.",
        "{c} says {org} did not properly consider the evidence {p} family gave about "
        "harassment from a neighbour over {m} months.",
        "{c} complains {org} closed {p} antisocial behaviour case without telling {o}.",
    ),
    "highways.parking": (
        "{c} complains {org} issued a penalty charge notice when {p} car was parked in a bay "
        "with unclear signs, and did not properly consider {p} representations.",
        "{c} says {org} sent enforcement agents about a penalty charge notice {c} never "
        "received because it went to an old address.",
        "{c} complains {org} refused to renew {p} residents' parking permit and then issued "
        "{n} penalty charge notices.",
    ),
    "highways.highway_maintenance": (
        "{c} complains {org} has not repaired a pothole outside {p} home that damaged {p} car, "
        "and rejected {p} claim without inspection records.",
        "{c} says {org} did not repair a broken pavement for {m} months after {p} {rel} "
        "tripped and fell.",
        "{c} complains {org}'s drainage works cause surface water to flood {p} driveway "
        "whenever it rains.",
    ),
    "highways.blue_badges": (
        "{c} complains {org} refused {p} blue badge application without properly considering "
        "{p} medical evidence.",
        "{c} says {org} took {w} weeks to decide {p} blue badge renewal, so {c} could not park "
        "near hospital appointments.",
        "{c} complains {org} refused to mark a disabled parking bay outside {p} home.",
    ),
    "highways.public_transport": (
        "{c} complains {org} refused {p} application for a disabled person's concessionary bus "
        "pass.",
        "{c} says {org} withdrew the subsidised bus service {c} relies on to get to work "
        "without consultation.",
        "{c} complains {org} took {w} weeks to replace {p} lost concessionary bus pass.",
    ),
    "housing.homelessness": (
        "{c} complains {org} did not accept a homelessness application when {c} was served a "
        "section 21 notice, and did not provide interim accommodation.",
        "{c} says {org} never agreed a personalised housing plan with {o} and took {w} weeks to "
        "decide {p} homelessness application.",
        "{c} complains {org} decided {c} was intentionally homeless without considering {p} "
        "medical evidence.",
    ),
    "housing.allocations": (
        "{c} complains {org} placed {p} housing application in the wrong band and did not "
        "consider {p} {child}'s medical needs.",
        "{c} says {org} took {m} months to review {p} housing register banding after {p} "
        "circumstances changed.",
        "{c} complains {org} removed {o} from the housing register without warning.",
    ),
    "housing.temporary_accommodation": (
        "{c} complains {org} has kept {p} family in bed and breakfast accommodation for {w} "
        "weeks, sharing a kitchen and bathroom with other households.",
        "{c} says {org} placed the family in temporary accommodation {n}0 miles away, so {p} "
        "{child} travels two hours to school.",
        "{c} complains {org} did not review the suitability of {p} temporary accommodation "
        "despite damp and mould affecting {p} {child}'s asthma.",
    ),
    "housing.disabled_facilities_grants": (
        "{c} complains {org} took {m} months to process a disabled facilities grant for a "
        "level-access shower for {p} {rel}.",
        "{c} says {org} refused a disabled facilities grant for a ground-floor extension "
        "without explaining its decision.",
        "{c} complains {org}'s contractor left a stairlift installation unfinished and {org} "
        "has not resolved it.",
    ),
    "housing.private_sector": (
        "{c} complains {org} did not inspect {p} privately rented home after {c} reported damp "
        "and mould, and took no action against the landlord.",
        "{c} says {org} took {w} weeks to respond to {p} report of a dangerous boiler in {p} "
        "rented flat.",
        "{c} complains {org} has not acted on a breach of a house in multiple occupation "
        "licence next door.",
    ),
    "planning.planning_applications": (
        "{c} complains {org} granted planning permission for a two-storey extension next door "
        "without properly considering the loss of light to {p} home.",
        "{c} says {org} did not notify {o} of a planning application for {n}0 houses on land "
        "behind {p} home.",
        "{c} complains {org}'s officer report misstated the distance between the proposed "
        "building and {p} property.",
    ),
    "planning.enforcement": (
        "{c} complains {org} has not taken enforcement action against a neighbour who built a "
        "fence higher than permitted.",
        "{c} says {org} closed {p} complaint about a business run from a residential garage "
        "without visiting the site.",
        "{c} complains {org} has not enforced a condition requiring landscaping and screening "
        "on a new development next to {p} home.",
    ),
    "planning.building_control": (
        "{c} complains {org}'s building control inspectors signed off work to {p} extension "
        "that later proved defective.",
        "{c} says {org} did not act on {p} reports of a dangerous structure on a neighbouring "
        "building site.",
        "{c} complains {org} took {m} months to issue a completion certificate, delaying the "
        "sale of {p} home.",
    ),
    "planning.land_charges": (
        "{c} complains {org}'s local land charges search did not reveal a tree preservation "
        "order on the house {c} bought.",
        "{c} says {org}'s search did not show a planning enforcement notice, which has cost {o} "
        "£{amt}.",
        "{c} complains {org} took {w} weeks to return a local authority search and {p} house "
        "purchase fell through.",
    ),
    "corporate.complaint_handling": (
        "{c} complains {org} did not respond to {p} complaint for {m} months and did not "
        "escalate it to stage 2 when asked.",
        "{c} says {org}'s complaint responses did not address the points {c} raised.",
        "{c} complains {org} refused to accept {p} complaint because it said it was made too late.",
    ),
    "corporate.data_protection": (
        "{c} complains {org} sent a letter containing {p} personal information to the wrong "
        "address.",
        "{c} says {org} took {m} months to respond to {p} subject access request.",
        "{c} complains {org} shared details of {p} complaint with the neighbour {c} complained "
        "about.",
    ),
    "corporate.councillor_conduct": (
        "{c} complains {org} did not properly investigate {p} complaint about a councillor's "
        "conduct at a public meeting.",
        "{c} says {org}'s monitoring officer took {m} months to decide {p} code of conduct "
        "complaint.",
        "{c} complains {org} did not tell {o} the outcome of {p} standards complaint.",
    ),
    "corporate.other": (
        "{c} complains {org}'s register office gave wrong information when {c} registered {p} "
        "{rel}'s death, causing delays with the funeral.",
        "{c} says {org} refused a request for a memorial bench in the local park without giving "
        "reasons.",
        "{c} complains {org}'s library service charged {o} for books {c} had returned.",
    ),
}

IMPACTS: tuple[str, ...] = (
    "{c} says this has caused the family a great deal of distress.",
    "{c} says the family has spent months chasing {org} for answers.",
    "{c} says the delay has left the family out of pocket by about £{amt}.",
    "{c} says {org}'s complaint response did not accept any fault.",
    "{c} says {org} did not reply to {p} stage 2 complaint within its own timescales.",
    "{c} feels {org} has not listened.",
    "{c} says the situation is affecting {p} health.",
    "",
    "",
)

OUTCOMES_SOUGHT: dict[str, tuple[str, ...]] = {
    "adult_care": (
        "An apology, a proper reassessment and a refund of the charges.",
        "An apology and assurance that the same will not happen to other residents.",
        "For the care plan to be put right and the family's time and trouble recognised.",
    ),
    "benefits_tax": (
        "For the costs to be removed and the account corrected.",
        "A refund and an apology.",
        "For the overpayment to be written off.",
    ),
    "childrens_care": (
        "For the records to be corrected and an apology.",
        "For the agreed support to be provided and backdated.",
        "A new assessment by a different social worker.",
    ),
    "education": (
        "For the provision in the plan to be put in place now and for the missed provision to "
        "be recognised.",
        "A fresh appeal with a new panel.",
        "For transport to be reinstated and an apology.",
    ),
    "environment": (
        "For the Council to take action to stop the nuisance.",
        "For collections to be reliable and an apology.",
        "For the Council to investigate properly.",
    ),
    "highways": (
        "For the penalty charge to be cancelled and the fees refunded.",
        "For the repair to be done and the claim reconsidered.",
        "For the application to be reconsidered properly.",
    ),
    "housing": (
        "Suitable accommodation for the family as soon as possible.",
        "For the banding to be corrected and backdated.",
        "For the Council to act against the landlord and to recognise the impact on the family.",
    ),
    "planning": (
        "For the permission to be revoked or the neighbour made to comply.",
        "For the Council to take enforcement action.",
        "Compensation for the loss in value of the home.",
    ),
    "corporate": (
        "A full response to the complaint and an apology.",
        "For the Council to change how it handles personal information.",
        "For the Council to explain its decision.",
    ),
}

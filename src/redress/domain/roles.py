"""Who does what: the roles people hold and what each role may do with a case."""

from __future__ import annotations

from .stages import LabelledEnum, Stage


class Role(LabelledEnum):
    COMPLAINANT = "complainant", "Complainant"
    ORGANISATION_USER = "organisation_user", "Organisation user"
    INTAKE_OFFICER = "intake_officer", "Intake officer"
    ASSESSOR = "assessor", "Assessor"
    INVESTIGATOR = "investigator", "Investigator"
    MANAGER = "manager", "Manager"
    COMPLIANCE_OFFICER = "compliance_officer", "Compliance officer"
    ADMINISTRATOR = "administrator", "Administrator"


STAFF_ROLES = frozenset(Role) - {Role.COMPLAINANT, Role.ORGANISATION_USER}
# Roles that see every case in their team, sensitive ones included.
SUPERVISING_ROLES = frozenset({Role.MANAGER, Role.ADMINISTRATOR})

# The stages whose moves each staff role may make. Managers and administrators may move a
# case at any stage; everyone else works the stages their job covers.
_WORKS_STAGES: dict[Role, frozenset[Stage]] = {
    Role.INTAKE_OFFICER: frozenset({Stage.INTAKE}),
    Role.ASSESSOR: frozenset({Stage.INTAKE, Stage.ASSESSMENT}),
    # The investigator who issues a final decision also passes its agreed actions to
    # compliance (or closes a case with nothing to monitor).
    Role.INVESTIGATOR: frozenset({Stage.INVESTIGATION, Stage.DRAFT_DECISION, Stage.DECIDED}),
    Role.COMPLIANCE_OFFICER: frozenset({Stage.DECIDED, Stage.COMPLIANCE}),
    Role.MANAGER: frozenset(Stage),
    Role.ADMINISTRATOR: frozenset(Stage),
}


def is_staff_role(role: Role) -> bool:
    return role in STAFF_ROLES


def may_move_case_at(role: Role, stage: Stage) -> bool:
    return stage in _WORKS_STAGES.get(role, frozenset())


def works_intake(role: Role) -> bool:
    """Staff who decide at intake also keep the intake queue and written contacts moving."""
    return is_staff_role(role) and may_move_case_at(role, Stage.INTAKE)


def works_compliance(role: Role) -> bool:
    """Staff who follow up agreed actions keep the compliance queue moving."""
    return is_staff_role(role) and may_move_case_at(role, Stage.COMPLIANCE)


def may_reopen(role: Role) -> bool:
    """Only a manager decides that a post-decision review reopens a case."""
    return role in SUPERVISING_ROLES


def may_write_case(role: Role) -> bool:
    """Notes, contacts and edits to a case's details are for staff."""
    return role in STAFF_ROLES

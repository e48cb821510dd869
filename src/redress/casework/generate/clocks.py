"""Replaying a generated history through the scheme's clocks, as the services would.

`casework.services` calls `domain.clocks.deadline_plan` on every change of stage,
`due_date` when contacts are logged or handled, and `domain.investigation.keep_in_touch`
when an update is sent while investigating, and writes the answer to the Deadline table.
This replays the same calls over a generated case's events in time order, so its Deadline
rows and next due date are exactly what that history would have left behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from redress.domain.calendar import WorkingCalendar
from redress.domain.clocks import ClockKind, deadline_plan, due_date, keep_in_touch_restarts
from redress.domain.investigation import UpdatedParty, keep_in_touch, parties_reached
from redress.domain.stages import Stage

from .contacts import ContactRow
from .plan import WRITTEN
from .timeline import DAY, Step

KIT, WRITTEN_CLOCK = ClockKind.KEEP_IN_TOUCH.value, ClockKind.WRITTEN_CONTACT.value
_KEEP_IN_TOUCH_STAGES = frozenset(s.value for s in Stage if keep_in_touch_restarts(s))
_STAGES = {stage.value: stage for stage in Stage}
_CLOCK_KINDS = {kind.value: kind for kind in ClockKind}

Clocks = dict[str, tuple[dt.date, int | None]]


class ClockReplay:
    """The clocks of one case after its history; one replayer per run, for its memo."""

    def __init__(self, calendar: WorkingCalendar) -> None:
        self.calendar = calendar
        self._plans: dict[
            tuple[str, int, int, frozenset[str]],
            tuple[tuple[str, ...], tuple[tuple[str, dt.date], ...]],
        ] = {}
        self._dues: dict[tuple[str, int], dt.date] = {}
        self._reached: dict[str, tuple[bool, bool]] = {}
        self._keep_in_touch: dict[int, dt.date] = {}

    def replay(  # noqa: PLR0912 - one pass over the events keeps the replay in order
        self,
        steps: Sequence[Step],
        contacts: Sequence[ContactRow],
        received_on: dt.date,
    ) -> tuple[Clocks, tuple[dt.date, str] | None]:
        """Replay the services' clock writes over the case's history, in time order.

        Stage moves go through `deadline_plan` and contacts through `due_date`, as in
        casework.services; both are pure functions of their arguments, so their answers
        are memoised by those arguments.
        """
        received = received_on.toordinal()
        # (time, order, what): stage moves, contacts logged, and written contacts handled.
        events: list[tuple[int, int, int]] = [(step.t, 0, i) for i, step in enumerate(steps)]
        for i, contact in enumerate(contacts):
            events.append((contact[0], 1, i))
            if contact[1] == "in" and contact[2] in WRITTEN and contact[5] is not None:
                events.append((contact[5], 2, i))
        events.sort()
        clocks: Clocks = {}
        waiting: list[int] = []
        stage = ""
        # Keep-in-touch: the day the spell of investigating began, every update sent (day,
        # reached the complainant, reached the organisation), and each side's latest
        # update in the spell, as `casework.clocks.keep_in_touch_refresh` reads them.
        spell: int | None = None
        sent: list[tuple[int, bool, bool]] = []
        latest = [0, 0]
        for t, what, index in events:
            if what == 0:
                stage = steps[index].target
                running = frozenset(kind for kind, (_, met) in clocks.items() if met is None)
                stop, start = self._plan(stage, received, t // DAY, running)
                for kind in stop:
                    clocks[kind] = (clocks[kind][0], t)
                for kind, due in start:
                    clocks[kind] = (due, None)
                if stage not in _KEEP_IN_TOUCH_STAGES:
                    spell = None
                elif spell is None:
                    spell = t // DAY
                    latest = [spell, spell]
                    for day, complainant, organisation in sent:
                        if day >= spell:
                            self._note(latest, day, complainant, organisation)
                continue
            contact = contacts[index]
            if what == 1:
                if contact[1] == "out":
                    complainant, organisation = self._parties(contact[3])
                    sent.append((t // DAY, complainant, organisation))
                    if spell is not None:
                        self._note(latest, t // DAY, complainant, organisation)
                        clocks[KIT] = (self._kit_due(min(latest)), None)
                    continue
                if contact[2] not in WRITTEN:
                    continue
                waiting.append(contact[0])
            else:
                waiting.remove(contact[0])
            # The written-contact clock follows the oldest written contact still waiting.
            if waiting:
                clocks[WRITTEN_CLOCK] = (self._due(WRITTEN_CLOCK, min(waiting) // DAY), None)
            elif WRITTEN_CLOCK in clocks and clocks[WRITTEN_CLOCK][1] is None:
                clocks[WRITTEN_CLOCK] = (clocks[WRITTEN_CLOCK][0], t)
        open_clocks = sorted((due, kind) for kind, (due, met) in clocks.items() if met is None)
        return clocks, (open_clocks[0] if open_clocks else None)

    def _plan(
        self, stage: str, received: int, today: int, running: frozenset[str]
    ) -> tuple[tuple[str, ...], tuple[tuple[str, dt.date], ...]]:
        key = (stage, received, today, running)
        found = self._plans.get(key)
        if found is None:
            plan = deadline_plan(
                entering=_STAGES[stage],
                received_on=dt.date.fromordinal(received),
                today=dt.date.fromordinal(today),
                running=frozenset(_CLOCK_KINDS[kind] for kind in running),
                calendar=self.calendar,
            )
            found = (
                tuple(kind.value for kind in plan.stop),
                tuple((kind.value, due) for kind, due in plan.start.items()),
            )
            if len(self._plans) > 200_000:  # bounded: a run spans a few thousand days
                self._plans.clear()
            self._plans[key] = found
        return found

    @staticmethod
    def _note(latest: list[int], day: int, complainant: bool, organisation: bool) -> None:
        if complainant and day > latest[0]:
            latest[0] = day
        if organisation and day > latest[1]:
            latest[1] = day

    def _parties(self, party: str) -> tuple[bool, bool]:
        """Which sides an update reached, read from its "who was it with" text."""
        found = self._reached.get(party)
        if found is None:
            reached = parties_reached(party)
            found = (UpdatedParty.COMPLAINANT in reached, UpdatedParty.ORGANISATION in reached)
            self._reached[party] = found
        return found

    def _kit_due(self, base: int) -> dt.date:
        """Keep-in-touch due from the older of the two sides' latest updates (`base`): with
        no pauses in a generated history, that day alone decides it."""
        found = self._keep_in_touch.get(base)
        if found is None:
            day = dt.date.fromordinal(base)
            found = keep_in_touch(
                started_on=day, updates=(), pauses=(), calendar=self.calendar
            ).due_on
            self._keep_in_touch[base] = found
        return found

    def _due(self, kind: str, start: int) -> dt.date:
        key = (kind, start)
        found = self._dues.get(key)
        if found is None:
            found = due_date(_CLOCK_KINDS[kind], dt.date.fromordinal(start), self.calendar)
            self._dues[key] = found
        return found

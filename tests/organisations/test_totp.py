"""Time-based codes: the right step and one either side, never a code used before."""

from __future__ import annotations

import datetime as dt

import pyotp
import pytest

from redress.accounts import totp

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
AT = dt.datetime(2026, 3, 2, 10, 0, 15, tzinfo=dt.UTC)
STEP = totp.time_step(AT)


def test_codes_are_the_ones_authenticator_apps_make() -> None:
    assert totp.code_for_step(SECRET, STEP) == pyotp.TOTP(SECRET).at(AT)


@pytest.mark.parametrize(
    ("offset", "after_step", "accepted", "replayed"),
    [
        (0, None, True, False),
        (-1, None, True, False),
        (1, None, True, False),
        (-2, None, False, False),
        (2, None, False, False),
        (0, STEP, False, True),  # the same code again
        (-1, STEP, False, True),  # an older code after a newer one was used
        (1, STEP, True, False),  # the next code is fine
    ],
)
def test_check_code(offset: int, after_step: int | None, accepted: bool, replayed: bool) -> None:
    result = totp.check_code(
        SECRET, totp.code_for_step(SECRET, STEP + offset), at=AT, after_step=after_step
    )
    assert result.accepted is accepted
    assert result.replayed is replayed
    if accepted:
        assert result.step == STEP + offset


def test_a_wrong_code_is_refused() -> None:
    wrong = f"{(int(totp.code_for_step(SECRET, STEP)) + 1) % 1_000_000:06d}"
    assert not totp.check_code(SECRET, wrong, at=AT, after_step=None).accepted


def test_set_up_details() -> None:
    secret = totp.new_secret()
    assert len(secret) == 32
    assert pyotp.TOTP(secret).now()
    assert totp.group_secret("ABCDEFGH12") == "ABCD EFGH 12"
    uri = totp.setup_uri(secret, account="link.officer", issuer="Local Services Ombudsman")
    assert uri.startswith("otpauth://totp/")
    assert f"secret={secret}" in uri
    svg = totp.qr_code_svg(uri)
    assert svg.startswith("<svg")
    assert "<script" not in svg

"""Time-based one-time codes (RFC 6238) as authenticator apps make them: six digits, a new
code every 30 seconds, from a secret shared once when the app is set up.

A code is accepted for the time step it belongs to and one step either side, because
phone clocks drift and people type slowly. A code is never accepted twice: the caller
keeps the last step accepted and passes it in as `after_step`.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass

import pyotp
import segno

STEP_SECONDS = 30
DIGITS = 6
ALLOWED_DRIFT_STEPS = 1


def new_secret() -> str:
    """A fresh 160-bit secret in base 32, the form authenticator apps accept."""
    return pyotp.random_base32(length=32)


def time_step(at: dt.datetime) -> int:
    return int(at.timestamp()) // STEP_SECONDS


def code_for_step(secret: str, step: int) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).generate_otp(step)


@dataclass(frozen=True)
class CodeCheck:
    # The time step the code belongs to, when it is right and not used before.
    step: int | None
    # The code was right but its step (or a later one) has been used already.
    replayed: bool = False

    @property
    def accepted(self) -> bool:
        return self.step is not None


def check_code(secret: str, code: str, *, at: dt.datetime, after_step: int | None) -> CodeCheck:
    """Whether `code` is one the app would show around `at`, and not one used before."""
    now_step = time_step(at)
    replayed = False
    for step in range(now_step - ALLOWED_DRIFT_STEPS, now_step + ALLOWED_DRIFT_STEPS + 1):
        # Compare in constant time, so timing does not leak how many digits were right.
        if hmac.compare_digest(code_for_step(secret, step), code):
            if after_step is not None and step <= after_step:
                replayed = True
                continue
            return CodeCheck(step=step)
    return CodeCheck(step=None, replayed=replayed)


def group_secret(secret: str) -> str:
    """The secret in groups of four, easier to read out and type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def setup_uri(secret: str, *, account: str, issuer: str) -> str:
    """The address an authenticator app reads from the QR code to set itself up."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(
        name=account, issuer_name=issuer
    )


def qr_code_svg(uri: str) -> str:
    """The QR code of `uri` as an inline SVG element (no image files, no JavaScript)."""
    svg: str = segno.make(uri, error="m").svg_inline(scale=5, dark="#0b0c0c", light="#ffffff")
    return svg

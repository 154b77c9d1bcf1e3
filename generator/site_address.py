"""The published site's address: `--site-url`, else the SITE_URL environment variable, else none at all.

Why: canonical links, link previews, the QR codes and printed addresses on handouts, and calendar subscriptions need
the address the site is published at, and only whatever publishes it knows it (GitHub Pages, a custom domain, a
preview). A made-up address is worse than none, since a printed QR code would lead nowhere. So there is no default:
without an address links stay relative and the build says what is left out, and a placeholder is never used.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

from generator.errors import BuildFailed, UsageError

ENVIRONMENT_VARIABLE = "SITE_URL"
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
"""Domains reserved for examples (RFC 2606): no site is ever published there."""
EXAMPLE_ADDRESS = "https://your-name.github.io/your-repository/"
LEFT_OUT = (
    "canonical links and the address in link previews",
    "QR codes on handouts (each handout prints the page's path instead)",
    "calendar subscription addresses and the links from calendar feeds to event pages",
    "addresses in sitemap.xml",
    "links on the error page for a missing page (404.html), which then work only at the root of a host",
)
"""What needs an absolute address, and so is left out of a build without one."""


def site_address(given: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The address from `--site-url` (given) or SITE_URL, normalised to end in '/'; '' when there is none."""
    source = "--site-url" if given is not None else ENVIRONMENT_VARIABLE
    value = (given if given is not None else environ.get(ENVIRONMENT_VARIABLE, "")).strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise UsageError(f"{source} {value!r} is not a web address: write the address the site is published at, "
                         f"like {EXAMPLE_ADDRESS}")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def is_placeholder(address: str) -> bool:
    host = (urlsplit(address).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in PLACEHOLDER_DOMAINS)


def placeholder_message(address: str) -> str:
    host = urlsplit(address).hostname
    return (f"the site address {address} is a placeholder ({host} is reserved for examples): printed handouts, "
            "QR codes and calendar feeds would lead nowhere. Give the address the site is published at with "
            f"--site-url or the {ENVIRONMENT_VARIABLE} environment variable, or build without an address.")


def usable_address(address: str, *, strict: bool) -> str:
    """`address` unless it is a placeholder: a strict build then stops (exit 1); any other build leaves it out."""
    if address and is_placeholder(address):
        if strict:
            raise BuildFailed(placeholder_message(address))
        return ""
    return address


def without_address_note() -> str:
    """What a build without an address says, so nobody publishes it by mistake."""
    items = "\n".join(f"  - {item}" for item in LEFT_OUT)
    return (f"No site address given (--site-url or {ENVIRONMENT_VARIABLE}), so links are relative and these are "
            f"left out:\n{items}\nFine for a preview or a local copy; to publish, give the address, for example "
            f"--site-url {EXAMPLE_ADDRESS}")

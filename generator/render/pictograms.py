"""One pictogram per profession, inlined as SVG so a page with pictures costs no extra request.

Why: pictures help a young reader scan a list of fifteen jobs, but each image file would be one more download on a
pay-as-you-go phone. The icons are Material Design Icons (Apache License 2.0, the set Material for MkDocs ships),
copied into generator/pictograms/ so the render step needs no theme. They are decorative: the profession's name is
always next to them, so they carry aria-hidden and no text alternative.
"""

from __future__ import annotations

import functools
import re
from importlib import resources as package_files

from markupsafe import Markup

PICTOGRAMS: dict[str, str] = {
    "art-therapist": "palette",
    "diagnostic-radiographer": "radiology-box",
    "dietitian": "food-apple",
    "dramatherapist": "drama-masks",
    "music-therapist": "music",
    "occupational-therapist": "hand-heart",
    "operating-department-practitioner": "face-mask",
    "orthoptist": "eye",
    "osteopath": "bone",
    "paramedic": "ambulance",
    "physiotherapist": "run",
    "podiatrist": "foot-print",
    "prosthetist-orthotist": "walk",
    "speech-and-language-therapist": "account-voice",
    "therapeutic-radiographer": "atom",
}
"""Profession id -> icon file name (without .svg) in generator/pictograms/."""
DEFAULT_PICTOGRAM = "hospital-box"
"""For a profession added to the catalogue before it has a pictogram of its own."""


@functools.cache
def _icon_path_data(name: str) -> str:
    svg = (package_files.files("generator") / "pictograms" / f"{name}.svg").read_text(encoding="utf-8")
    match = re.search(r'<path d="([^"]+)"', svg)
    if match is None:
        raise ValueError(f"pictogram {name}.svg has no single path")  # a packaging bug, not a content error
    return match.group(1)


def pictogram(profession_id: str) -> Markup:
    """The profession's pictogram as inline SVG, decorative, sized by CSS (.ahp-pictogram)."""
    path = _icon_path_data(PICTOGRAMS.get(profession_id, DEFAULT_PICTOGRAM))
    return Markup('<svg class="ahp-pictogram" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
                  '<path d="{}"/></svg>').format(path)

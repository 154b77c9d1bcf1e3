"""Pictograms: one of its own for every shipped profession, inline, decorative."""

from __future__ import annotations

from importlib import resources as package_files

from conftest import REPO

from generator.render.pictograms import DEFAULT_PICTOGRAM, PICTOGRAMS, pictogram


def test_every_shipped_profession_has_its_own_pictogram() -> None:
    shipped = {path.stem for path in (REPO / "content/professions").glob("*.yaml")}
    assert shipped == set(PICTOGRAMS)
    assert len(set(PICTOGRAMS.values())) == len(PICTOGRAMS), "two professions share a picture"


def test_every_pictogram_file_is_shipped_with_the_package() -> None:
    folder = package_files.files("generator") / "pictograms"
    for name in [*PICTOGRAMS.values(), DEFAULT_PICTOGRAM]:
        assert (folder / f"{name}.svg").is_file(), name


def test_pictogram_is_inline_and_hidden_from_screen_readers() -> None:
    svg = str(pictogram("podiatrist"))
    assert svg.startswith('<svg class="ahp-pictogram" viewBox="0 0 24 24" aria-hidden="true" focusable="false">')
    assert "<path d=\"M" in svg and "href" not in svg  # no request: the drawing is in the page
    assert str(pictogram("a-new-profession")) != svg  # an unknown id gets the default picture, not an error

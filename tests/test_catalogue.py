"""The catalogue: immutable, indexed once by id, audience and profession."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from conftest import TODAY, event, profession, resource

from generator.catalogue import build_catalogue
from generator.load import load_catalogue_files
from generator.validate import validate_catalogue


def catalogue_of(make_catalogue, files):
    root = make_catalogue(files)
    return build_catalogue(validate_catalogue(load_catalogue_files(root), TODAY))


def test_indexes(make_catalogue) -> None:
    catalogue = catalogue_of(make_catalogue, {
        "content/professions/dietitian.yaml": profession("dietitian", audiences=["returner"]),
        "resources.yaml": [resource(), resource("general", title="General", professions=["all"],
                                                audiences=["returner"])],
    })
    assert [p.id for p in catalogue.professions] == ["dietitian", "podiatrist"]
    assert catalogue.by_id[("resource", "general")].title == "General"
    returner = [(kind, entry.id) for kind, entry in catalogue.by_audience["returner"]]
    assert returner == [("profession", "dietitian"), ("resource", "general")]
    assert [e.id for e in catalogue.related("podiatrist", "resource")] == ["ahp-vr360", "general"]
    assert [e.id for e in catalogue.related("dietitian", "resource")] == ["general"]
    assert [e.id for e in catalogue.related("dietitian", "event")] == ["ahps-day"]
    assert catalogue.origins[("resource", "general")].path == "resources.yaml"
    assert catalogue.origins[("resource", "general")].line > 1


def test_is_immutable(make_catalogue) -> None:
    catalogue = catalogue_of(make_catalogue, {"events_calendar.yaml": [event()]})
    with pytest.raises(FrozenInstanceError):
        catalogue.professions = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        catalogue.by_id[("x", "y")] = None  # type: ignore[index]
    with pytest.raises(Exception, match="frozen"):
        catalogue.professions[0].title = "Changed"  # type: ignore[misc]

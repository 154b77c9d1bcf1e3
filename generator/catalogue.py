"""Step 3, catalogue: the validated entries as one immutable object, indexed once for rendering.

Why: every page asks the same questions ("what is for returners?", "what mentions podiatry?"). Answering them
once, in one constructor, keeps rendering linear in the size of the catalogue and gives templates nothing to
mutate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from generator.load import RawEntry
from generator.model import (
    ALL_PROFESSIONS,
    AUDIENCE_IDS,
    AudienceGuide,
    Entry,
    Event,
    Module,
    Profession,
    Resource,
    Story,
    Talk,
)

EntryT = TypeVar("EntryT", bound=Entry)

KIND_ORDER: tuple[str, ...] = ("profession", "story", "module", "resource", "event", "talk")
"""Kinds shown to readers, in the order pages list them (audience guides are pages, not listed entries)."""


@dataclass(frozen=True)
class ValidEntry:
    """A validated entry with the file and line it came from (for reports and later rules): what
    validation hands on, and what a catalogue is built from."""

    entry: Entry
    raw: RawEntry

    @property
    def kind(self) -> str:
        return self.raw.kind

    @property
    def path(self) -> str:
        return self.raw.path

    @property
    def line(self) -> int:
        return self.raw.position()[0]


@dataclass(frozen=True)
class Origin:
    """Where an entry was written: for reports and edit links."""

    path: str
    line: int


@dataclass(frozen=True)
class Catalogue:
    """All entries, by kind, with read-only indexes; build it with `build_catalogue`."""

    professions: tuple[Profession, ...]
    stories: tuple[Story, ...]
    modules: tuple[Module, ...]
    resources: tuple[Resource, ...]
    events: tuple[Event, ...]
    talks: tuple[Talk, ...]
    guides: Mapping[str, AudienceGuide]
    by_id: Mapping[tuple[str, str], Entry]
    """(kind, id) -> entry."""
    by_audience: Mapping[str, tuple[tuple[str, Entry], ...]]
    """Audience id -> (kind, entry) pairs tagged for it, in `KIND_ORDER` then title order."""
    by_profession: Mapping[str, tuple[tuple[str, Entry], ...]]
    """Profession id -> (kind, entry) pairs naming it explicitly, in `KIND_ORDER` then title order."""
    for_all_professions: tuple[tuple[str, Entry], ...]
    """(kind, entry) pairs written with `professions: [all]`."""
    origins: Mapping[tuple[str, str], Origin]

    def entries(self) -> tuple[tuple[str, Entry], ...]:
        """Every listed entry as (kind, entry), in `KIND_ORDER` then title order."""
        return tuple((kind, entry) for kind in KIND_ORDER for entry in self.of_kind(kind))

    def of_kind(self, kind: str) -> tuple[Entry, ...]:
        return {
            "profession": self.professions, "story": self.stories, "module": self.modules,
            "resource": self.resources, "event": self.events, "talk": self.talks,
        }[kind]

    def profession(self, profession_id: str) -> Profession:
        found = self.by_id[("profession", profession_id)]
        assert isinstance(found, Profession)
        return found

    def related(self, profession_id: str, kind: str) -> tuple[Entry, ...]:
        """Entries of `kind` naming the profession, then those for all professions."""
        named = [entry for entry_kind, entry in self.by_profession.get(profession_id, ()) if entry_kind == kind]
        general = [entry for entry_kind, entry in self.for_all_professions if entry_kind == kind]
        return tuple(named + general)


def _sorted(entries: Sequence[ValidEntry], cls: type[EntryT]) -> tuple[EntryT, ...]:
    found = [valid.entry for valid in entries if isinstance(valid.entry, cls)]
    return tuple(sorted(found, key=lambda entry: (entry.title.lower(), entry.id)))


def build_catalogue(entries: Sequence[ValidEntry]) -> Catalogue:
    """Index validated entries once; linear in their number."""
    kinds: dict[str, tuple[Entry, ...]] = {
        "profession": _sorted(entries, Profession),
        "story": _sorted(entries, Story),
        "module": _sorted(entries, Module),
        "resource": _sorted(entries, Resource),
        "event": _sorted(entries, Event),
        "talk": _sorted(entries, Talk),
    }
    by_audience: dict[str, list[tuple[str, Entry]]] = {audience: [] for audience in AUDIENCE_IDS}
    by_profession: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    for_all: list[tuple[str, Entry]] = []
    for kind in KIND_ORDER:
        for entry in kinds[kind]:
            # A staff tool is not offered to learners on their audience guide.
            for audience in () if getattr(entry, "for_staff", False) else getattr(entry, "audiences", ()):
                by_audience[audience].append((kind, entry))
            professions = (entry.id,) if kind == "profession" else getattr(entry, "professions", ())
            if ALL_PROFESSIONS in professions:
                for_all.append((kind, entry))
            for profession in professions:
                if profession != ALL_PROFESSIONS and kind != "profession":
                    by_profession[profession].append((kind, entry))
    guides = {valid.entry.id: valid.entry for valid in entries if isinstance(valid.entry, AudienceGuide)}
    return Catalogue(
        professions=kinds["profession"],  # type: ignore[arg-type]
        stories=kinds["story"],  # type: ignore[arg-type]
        modules=kinds["module"],  # type: ignore[arg-type]
        resources=kinds["resource"],  # type: ignore[arg-type]
        events=kinds["event"],  # type: ignore[arg-type]
        talks=kinds["talk"],  # type: ignore[arg-type]
        guides=MappingProxyType(dict(sorted(guides.items()))),
        by_id=MappingProxyType({(valid.kind, valid.entry.id): valid.entry for valid in entries}),
        by_audience=MappingProxyType({key: tuple(value) for key, value in by_audience.items()}),
        by_profession=MappingProxyType({key: tuple(value) for key, value in by_profession.items()}),
        for_all_professions=tuple(for_all),
        origins=MappingProxyType({(valid.kind, valid.entry.id): Origin(valid.path, valid.line)
                                  for valid in entries}),
    )

"""The ambassadors page and talk pack pages: filter data on every card, no-JS lists per age group, awareness dates of
the next eight weeks, and a talk pack's plan, activity, resources, SEND adaptations, Gatsby Benchmarks and
follow-ups."""

from __future__ import annotations

import re

from conftest import event, profession, render_tree, resource, talk

from generator.model import Resource
from generator.render.ambassadors import GATSBY_BENCHMARKS, resource_age_groups

render = render_tree


LESSON = talk("lesson", title="Match interests to jobs", age_groups=["ks4", "ks5"], minutes=50,
              setting="class-session", professions=["podiatrist"],
              plan=[{"minutes": 10, "step": "Hello", "notes": "Say **who** you are."},
                    {"minutes": 30, "step": "Matching game"}, {"minutes": 10, "step": "Questions"}],
              gatsby_benchmarks=[5, 2, 5], send_adaptations=["Give a printed word list."],
              follow_ups=["Try the [podiatry taster](/modules/podiatry-taster/)."])


def catalogue_files() -> dict:
    return {
        "content/professions/paramedic.yaml": profession("paramedic"),
        "content/talks/lesson.yaml": LESSON,
        "resources.yaml": [resource(talk_material=True, url="https://www.example.org/vr"),
                           resource("lesson-plan", title="A lesson plan", type="lesson-plan", talk_material=True,
                                    age_range={"min": 11, "max": 14}, minutes=45),
                           resource("not-for-talks", title="Not for talks")],
        "events_calendar.yaml": [
            event(),  # 14 October: outside the next eight weeks of 23 November 2026
            event("soon", title="Soon day", rule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=3", starts="2024-12-03"),
            event("edge", title="Edge day", rule="FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=17", starts="2025-01-17"),
            event("late", title="Late day", rule="FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=18", starts="2025-01-18"),
            event("deadline", title="Application deadline", kind="recruitment-deadline",
                  rule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5", starts="2024-12-05"),
        ],
    }


def test_index_cards_carry_filter_values(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/index.md"]
    assert 'data-age="ks4 ks5" data-minutes="50" data-setting="class-session" data-profession="podiatrist"' in page
    assert 'data-age="ks3" data-minutes="15" data-setting="assembly" data-profession="all"' in page
    assert 'href="../ambassadors/lesson/"' in page
    assert '<form class="ahp-amb-filters" data-filters="talks resources" hidden' in page
    assert 'src="../assets/ambassadors.js"' in page
    assert "2 of" not in page and "2 talk packs" in page


def test_index_lists_only_talk_resources(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/index.md"]
    assert "A lesson plan" in page and "AHP VR360" in page
    assert "Not for talks" not in page
    assert 'data-age="ks3 ks4" data-minutes="45" data-profession="podiatrist"' in page  # ages 11 to 14
    assert 'data-age="ks2 ks3 ks4 ks5 adults" data-profession="podiatrist"' in page  # ages not given: any


def test_index_has_server_rendered_lists_per_age_group(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/index.md"]
    sections = dict(re.findall(r'<h3 id="age-(\w+)">.*?</h3>\n(.*?)</section>', page, re.S))
    assert list(sections) == ["ks2", "ks3", "ks4", "ks5", "adults"]
    assert "No talk packs for this age group yet." in sections["ks2"]
    assert "What are AHPs?" in sections["ks3"] and "Match interests" not in sections["ks3"]
    assert "Match interests to jobs</a> (50 min, class session)" in sections["ks4"]
    assert "Match interests to jobs" in sections["ks5"]
    assert "Key stage 4 (Years 10 and 11, ages 14 to 16)" in page


def test_index_lists_awareness_dates_of_the_next_eight_weeks(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/index.md"]
    dates = page.split('<h2 id="dates">', 1)[1].split("</ul>", 1)[0]
    assert "Soon day" in dates and "3 December 2026" in dates
    assert "Edge day" in dates  # 17 January 2027: the 56th day counting 23 November 2026 as the first
    assert "Late day" not in dates and "AHPs Day" not in dates
    assert "Application deadline" not in dates  # a recruitment date, not an awareness date


def test_talk_page_sections(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/lesson.md"]
    for text in ("0 to 10 min (10 min)", "10 to 40 min (30 min)", "40 to 50 min (10 min)", "Matching game",
                 "<strong>who</strong>", "Activity: Quiz", "Give a printed word list.",
                 "Benchmark 2: Learning from career and labour market information",
                 "Benchmark 5: Encounters with employers and employees", "podiatry taster",
                 "Key stage 4 (Years 10 and 11, ages 14 to 16)", "Class session", "50 minutes", 'data-print hidden',
                 "Print presenter's sheet", 'href="../../resources/ahp-vr360/"', "https://www.example.org/vr",
                 'href="../../professions/podiatrist/"', "Sources"):
        assert text in page, text
    assert page.count("Benchmark 5") == 1  # listed once, in order
    assert page.index("Benchmark 2") < page.index("Benchmark 5")


def test_gatsby_benchmark_names() -> None:
    assert GATSBY_BENCHMARKS[1] == "A stable careers programme"
    assert GATSBY_BENCHMARKS[8] == "Personal guidance"
    assert sorted(GATSBY_BENCHMARKS) == list(range(1, 9))


def test_resource_age_groups() -> None:
    base = resource()

    def groups(low: int, high: int) -> list[str]:
        return resource_age_groups(Resource.model_validate({**base, "age_range": {"min": low, "max": high}}))

    assert groups(14, 16) == ["ks4", "ks5"]
    assert groups(7, 10) == ["ks2"]
    assert groups(19, 99) == ["adults"]
    assert resource_age_groups(Resource.model_validate(base)) == ["ks2", "ks3", "ks4", "ks5", "adults"]


def test_empty_catalogue_of_talks(make_catalogue) -> None:
    root = make_catalogue()
    (root / "content/talks/assembly.yaml").unlink()
    page = render(root)["ambassadors/index.md"]
    assert "0 talk packs" in page
    assert page.count("No talk packs for this age group yet.") == 5

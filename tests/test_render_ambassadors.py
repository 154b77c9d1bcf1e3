"""The ambassadors page and talk pack pages: filter data on every card, no-JS lists per age group, awareness dates of
the next eight weeks, and a talk pack's plan, activity, resources, SEND adaptations, Gatsby Benchmarks and
follow-ups."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from conftest import event, parse_html, profession, render_tree, resource, talk, texts, values

from generator.model import Resource
from generator.render.ambassadors import GATSBY_BENCHMARKS, resource_age_groups

render = render_tree


def groups(tree: BeautifulSoup, prefix: str) -> dict[str, Tag]:
    """The lists by group, in page order: each `<section>` headed by an `<h3 id="{prefix}{group}">`, by group."""
    return {str(heading["id"]).removeprefix(prefix): heading.parent
            for heading in tree.select(f'section > h3[id^="{prefix}"]') if heading.parent is not None}


def below_heading(section: Tag) -> str:
    """The visible text of a group's section below its heading."""
    return " ".join(texts(section, ":scope > :not(h3)"))


def under(tree: BeautifulSoup, heading_id: str) -> list[Tag]:
    """The elements after `<h2 id="{heading_id}">` up to the next `<h2>`; the heading must be there."""
    heading = tree.select_one(f"h2#{heading_id}")
    assert heading is not None, heading_id
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


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
    tree = parse_html(page)
    assert 'data-age="ks4 ks5" data-minutes="50" data-setting="class-session" data-profession="podiatrist"' in page
    assert 'data-age="ks3" data-minutes="15" data-setting="assembly" data-profession="all"' in page
    assert 'href="../ambassadors/lesson/"' in page
    assert 'data-filters="talk-pack-cards talk-resource-cards"' in page
    assert 'src="../assets/filters.js"' in page
    assert "2 of" not in page and ">2 talk packs</p>" in page
    assert values(tree, '[name="minutes"][value]', "value") == ["", "15", "20", "30", "60"]
    assert '<details class="ahp-filter" open data-match="max">' in page  # a time limit, not a list of values


def test_index_lists_only_talk_resources(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/index.md"]
    assert "A lesson plan" in page and "AHP VR360" in page
    assert "Not for talks" not in page
    assert 'data-age="ks3 ks4" data-minutes="45" data-profession="podiatrist"' in page  # ages 11 to 14
    assert 'data-age="ks2 ks3 ks4 ks5 adults" data-profession="podiatrist"' in page  # ages not given: any


def test_index_has_server_rendered_lists_per_age_group(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/index.md"]
    sections = groups(parse_html(page), "age-")
    assert list(sections) == ["ks2", "ks3", "ks4", "ks5", "adults"]
    lists = {group: below_heading(section) for group, section in sections.items()}
    assert "No talk packs for this age group yet." in lists["ks2"]
    assert "What are AHPs?" in lists["ks3"] and "Match interests" not in lists["ks3"]
    assert ("Match interests to jobs", " (50 min, class session)") in [
        (link.get_text(), str(link.next_sibling)) for link in sections["ks4"].select("li > a")]
    assert "Match interests to jobs" in lists["ks5"]
    assert "Key stage 4 (Years 10 and 11, ages 14 to 16)" in page


def test_index_lists_awareness_dates_of_the_next_eight_weeks(make_catalogue) -> None:
    page = render(make_catalogue(catalogue_files()))["ambassadors/index.md"]
    dates = " ".join(texts(parse_html(page), "h2#dates + ul"))
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


# --- The teachers' door, materials and presenters (issue 20) -------------------------------------------------------

TEACHER_PACK = talk("teacher-pack", title="Options talk", presenter="teacher", age_groups=["ks3"], minutes=20,
                    setting="class-session", professions=["podiatrist"],
                    plan=[{"minutes": 5, "step": "Starter"}, {"minutes": 5, "step": "Your story", "story": True},
                          {"minutes": 10, "step": "Cards"}],
                    materials=["picture-cards", "interest-cards", "quiz", "handout:podiatrist",
                               "resource:ahp-vr360"],
                    subjects=["Science", "Art"], gatsby_benchmarks=[4, 5])
ADULT_PACK = talk("adults", title="Changing career", presenter="ambassador", age_groups=["adults"],
                  audiences=["career-changer"], setting="online", gatsby_benchmarks=[],
                  plan=[{"minutes": 5, "step": "Welcome"}, {"minutes": 10, "step": "Your story", "story": True}])


def teach_files() -> dict:
    return {**catalogue_files(), "content/talks/teacher-pack.yaml": TEACHER_PACK,
            "content/talks/adults.yaml": ADULT_PACK}


def test_teach_page_lists_packs_by_key_stage_prints_dates_and_how_to_ask_for_a_speaker(make_catalogue) -> None:
    page = render(make_catalogue(teach_files()))["teach/index.md"]
    tree = parse_html(page)
    teacher_packs = under(tree, "teacher-packs")
    teacher = " ".join(element.get_text(" ", strip=True) for element in teacher_packs)
    assert "Options talk" in teacher and "What are AHPs?" not in teacher and "Changing career" not in teacher
    assert [link for element in teacher_packs
            for link in element.select('a[href="../kit/slides/teacher-pack.pptx"][download]')]
    sections = {group: below_heading(section) for group, section in groups(tree, "teach-").items()}
    assert list(sections) == ["ks2", "ks3", "ks4", "ks5", "adults"]
    assert "Options talk" in sections["ks3"] and "20 min · Class session · A teacher, no AHP needed" in sections["ks3"]
    assert "Changing career" in sections["adults"]
    for target in ("kit/picture-cards/", "kit/interest-cards/", "kit/strength-cards/", "kit/value-cards/",
                   "kit/quiz/", "professions/"):
        assert f'href="../{target}"' in page, target
    dates = " ".join(texts(tree, "h2#dates + ul"))
    assert "Soon day" in dates and "Application deadline" in dates and "Late day" not in dates
    speaker = " ".join(texts(tree, "h2#speaker ~ *"))
    assert "Inspiring the Future" in speaker and "widening participation team" in speaker
    assert "Quick Guide to Allied Health Professions Careers Awareness" in speaker  # the cited source documents
    assert "Quick guide to work experience" in speaker


def test_talk_page_links_every_material_and_marks_the_story_optional(make_catalogue) -> None:
    tree = render(make_catalogue(teach_files()))
    page = tree["ambassadors/teacher-pack.md"]
    materials = parse_html(page).select_one("h2#materials + ul")
    assert materials is not None
    for href in ("../../kit/picture-cards/", "../../kit/interest-cards/", "../../kit/quiz/",
                 "../../professions/podiatrist/handout/", "../../resources/ahp-vr360/"):
        assert materials.select(f'[href="{href}"]'), href
    assert materials.select('[href="../../kit/slides/teacher-pack.pptx"][download]')
    assert "Your story</strong> <em class=\"ahp-plan__optional\">(optional when a teacher presents)</em>" in page
    assert "A teacher, no AHP needed" in page and "Science, Art" in page
    assert "Benchmark 4: Linking curriculum learning to careers" in page
    assert "Benchmark 5: Encounters with employers and employees (when an AHP presents)" in page
    assert "kit/slides/teacher-pack.pptx" in tree and "kit/slides/adults.pptx" in tree
    adults = tree["ambassadors/adults.md"]
    assert "optional when a teacher presents" not in adults  # an AHP presents
    assert "None: the Gatsby Benchmarks are for schools and colleges" in adults


def test_home_page_links_the_teachers_door(make_catalogue) -> None:
    assert 'href="teach/"' in render(make_catalogue())["index.md"]

"""The one link extractor: what validation refuses and what `report` checks come from the same reading."""

from __future__ import annotations

import markdown
import pytest
from conftest import parse_html, values

from generator.links import find_links, find_raw_html


def targets(text: str) -> list[tuple[str, str]]:
    return [(link.kind, link.target) for link in find_links(text)]


def test_every_markdown_link_form_is_found_in_order() -> None:
    text = ("See [the calendar](/calendar/) and ![a map](/assets/map.png \"Map\").\n"
            "Read [the guide][guide] or <https://www.nhs.uk/> or write to <team@example.org>.\n\n"
            "[guide]: https://www.hcpc-uk.org/ \"HCPC\"\n"
            "  [other]: <../podiatrist/#top>\n")
    assert targets(text) == [
        ("inline", "/calendar/"), ("image", "/assets/map.png"), ("autolink", "https://www.nhs.uk/"),
        ("email", "mailto:team@example.org"), ("definition", "https://www.hcpc-uk.org/"),
        ("definition", "../podiatrist/#top"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("[a](https://en.wikipedia.org/wiki/Foot_(anatomy)) after", "https://en.wikipedia.org/wiki/Foot_(anatomy)"),
    ("[a]( <https://x.org/a b> )", "https://x.org/a b"),
    ("[a [nested] label](/x/)", "/x/"),
    ("[![badge](/b.png)](https://x.org/)", "https://x.org/"),
    ("[a](\n  javascript:alert(1))", "javascript:alert(1)"),
    ("[a]: javascript:alert(1)", "javascript:alert(1)"),
    ("[a]:\n  https://x.org/", "https://x.org/"),
])
def test_link_targets(text: str, expected: str) -> None:
    assert expected in [link.target for link in find_links(text)]


@pytest.mark.parametrize("text", ["no links here", r"\[not a link](/x/)", "[a] (/x/)", "[unclosed(/x/)",
                                  "prices [from 5] to [10]", "if a < b and c > d"])
def test_text_without_links(text: str) -> None:
    assert find_links(text) == []


@pytest.mark.parametrize("text", ["<b>bold</b>", "a <br/> b", "<img src=x onerror=alert(1)>",
                                  "<img/src=x onerror=alert(1)>", "<!-- hidden -->", "</div >",
                                  "<div\nclass=x>", "<!DOCTYPE html>", "<?php echo 1 ?>",
                                  "a<b and c>d"])  # a browser reads <b ...> as a tag
def test_raw_html_is_found(text: str) -> None:
    assert list(find_raw_html(text))


@pytest.mark.parametrize("text", ["if a < b and c > d", "3 < 4 > 2", "<https://x.org/>",
                                  "<team@example.org>", "use -> and <- arrows", "< div >"])
def test_plain_text_with_angle_brackets_is_not_html(text: str) -> None:
    assert list(find_raw_html(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ('[a](https://x.org/ "A title")', "https://x.org/"),
    ("[a](https://x.org/ 'A title')", "https://x.org/"),
    ("[a](java script:alert(1))", "java script:alert(1)"),
    ("[a](java\tscript:alert(1))", "java\tscript:alert(1)"),
])
def test_inline_targets_read_as_python_markdown_reads_them(text: str, expected: str) -> None:
    assert [link.target for link in find_links(text)] == [expected]


SAMPLES = [
    "See [the calendar](/calendar/) and ![a map](/assets/map.png \"Map\").",
    "Read [the guide][guide] and [HCPC][].\n\n[guide]: https://www.hcpc-uk.org/\n[HCPC]: <https://www.hcpc-uk.org/a>",
    "Go to <https://www.nhs.uk/> or <team@example.org>.",
    "[Foot](https://en.wikipedia.org/wiki/Foot_(anatomy)) and [up](../podiatrist/#top 'Top').",
    "[![badge](/b.png)](https://x.org/) then [a [nested] label](/x/).",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_every_link_python_markdown_renders_is_found(text: str) -> None:
    tree = parse_html(markdown.markdown(text))
    rendered = {target for name in ("href", "src") for target in values(tree, f"[{name}]", name) if target}
    found = {link.target for link in find_links(text)}
    assert {target for target in rendered if not target.startswith("mailto:")} <= found
    assert rendered, "the sample has links"

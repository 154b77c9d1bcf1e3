"""Resource pages: an index of cards and one page per resource, linking out only over https."""

from __future__ import annotations

from conftest import render_tree, resource


def test_resources_index_lists_every_resource_and_each_has_a_page(make_catalogue) -> None:
    root = make_catalogue({"resources.yaml": [resource(), resource("second", title="Second resource",
                                                                    url="https://www.example.org/second")]})
    tree = render_tree(root)
    index = tree["resources/index.md"]
    assert index.count('<li class="ahp-card') == 2
    assert 'resources/ahp-vr360/"' in index and 'resources/second/"' in index
    page = tree["resources/second.md"]
    assert '<a class="ahp-button" href="https://www.example.org/second" rel="noopener">' in page

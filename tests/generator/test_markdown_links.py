"""Every relative link of the repository's own docs points at a file that exists, and every
``#anchor`` at a heading of its page (as GitHub names headings).

Checked: the README, ``CONTRIBUTING.md``, ``DIAGNOSTICS.md`` and ``docs/``. Links to the web
are not followed; links inside code are not links.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "DIAGNOSTICS.md", *(ROOT / "docs").glob("*.md")])
#: Pages being written: a link to one is accepted while it does not exist yet (and checked like
#: any other once it does). None now.
PENDING: set[str] = set()

_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.DOTALL | re.MULTILINE)
_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def _prose(text: str) -> str:
    """``text`` without fenced code blocks and code spans."""
    return _CODE.sub("code", _FENCE.sub("", text))


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a markdown page (a repeated one gets ``-1``, ``-2``...)."""
    found: set[str] = set()
    for heading in _HEADING.findall(_FENCE.sub("", text)):
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
        slug = re.sub(r"[^\w\- ]", "", plain.strip().lower()).replace(" ", "-")
        candidate, number = slug, 0
        while candidate in found:
            number += 1
            candidate = f"{slug}-{number}"
        found.add(candidate)
    return found


def broken_links(page: Path, root: Path = ROOT, pending: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Every relative link of ``page`` whose file, or whose anchor in that file, does not exist."""
    problems = []
    for target in _LINK.findall(_prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        path_part, _, anchor = target.partition("#")
        path = (page.parent / path_part).resolve() if path_part else page
        if not path.is_relative_to(root):
            problems.append(f"{target}: outside the repository")
        elif not path.exists():
            if path.relative_to(root).as_posix() not in pending:
                problems.append(f"{target}: no such file")
        elif anchor and path.suffix == ".md" and anchor not in anchors(path.read_text(encoding="utf-8")):
            problems.append(f"{target}: no heading with this anchor")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(page: Path) -> None:
    assert broken_links(page, pending=PENDING) == []


def test_the_docs_pages_are_linked_from_the_index() -> None:
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name != "README.md":
            assert f"]({page.name})" in index, f"docs/README.md does not link to {page.name}"
    assert "](docs/README.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_broken_link_or_anchor_is_found(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other page\n\n## The `x-waiter` key: its rules\n\n## Twice\n\n## Twice\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n"
        "[fine](other.md) [fine](other.md#the-x-waiter-key-its-rules) [fine](other.md#twice-1) [fine](#title)\n"
        "[gone](missing.md) [bad](other.md#nowhere) [bad](#no-such-heading) [out](../../../etc/passwd)\n"
        "`[in code](missing-too.md)` [web](https://example.com/missing)\n\n"
        "```md\n[in a block](missing-as-well.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page, root=tmp_path) == [
        "missing.md: no such file",
        "other.md#nowhere: no heading with this anchor",
        "#no-such-heading: no heading with this anchor",
        "../../../etc/passwd: outside the repository",
    ]
    assert broken_links(page, root=tmp_path, pending={"missing.md"})[0] == "other.md#nowhere: no heading with this anchor"

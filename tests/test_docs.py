"""The documentation: the README's links into docs/, the pages mkdocs.yml publishes, the CLI page.

Fast and offline: the site itself is built by ``make docs`` (MkDocs, strict: a broken link or
anchor fails it); these tests check what can go stale without a build.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
import readme_runner as runner
import yaml
from markdown_it import MarkdownIt

from muye_analysis import cli, config
from muye_analysis.suite import NOTEBOOKS

ROOT = config.ROOT
DOCS = ROOT / "docs"
_MD = MarkdownIt("commonmark").enable("table")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as data: a ``!!python/...`` tag (the toc's slugify) is kept as its tag name."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _l, suffix, _node: suffix)


def _mkdocs() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def _nav_pages(nav) -> list[str]:
    """Every page the nav names, in order."""
    pages: list[str] = []
    for entry in nav:
        if isinstance(entry, str):
            pages.append(entry)
        else:
            for value in entry.values():
                pages += [value] if isinstance(value, str) else _nav_pages(value)
    return pages


def _markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def _text(inline) -> str:
    return "".join(c.content for c in inline.children or [] if c.type in {"text", "code_inline"})


def _anchors(page: Path) -> set[str]:
    """The heading anchors GitHub makes for ``page`` (and the site: pymdownx.slugs, lower case):
    lower case, punctuation dropped (Chinese kept), each space a hyphen; repeats get -1, -2."""
    tokens = _MD.parse(page.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    out = set()
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            slug = re.sub(r"[^\w\- ]", "", _text(tokens[i + 1]).strip().lower()).replace(" ", "-")
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def _links(page: Path) -> list[str]:
    """Every Markdown link target of ``page`` (code spans and blocks are not links)."""
    found = []
    for token in _MD.parse(page.read_text(encoding="utf-8")):
        for child in token.children or []:
            if child.type == "link_open":
                found.append(child.attrs["href"])
    return found


def _bash_blocks(page: Path) -> list[list[str]]:
    tokens = _MD.parse(page.read_text(encoding="utf-8"))
    return [
        [runner._strip_comment(c) for _, c in runner._commands(t.content)]
        for t in tokens
        if t.type == "fence" and t.info.strip() == "bash"
    ]


# -- the site's configuration --------------------------------------------------------------------


def test_every_page_in_the_nav_exists_and_every_page_is_in_the_nav():
    site = _mkdocs()
    assert site["docs_dir"] == "docs"
    pages = _nav_pages(site["nav"])
    markdown = [p for p in pages if p.endswith(".md")]
    assert [p for p in markdown if not (DOCS / p).is_file()] == []
    assert sorted(markdown) == sorted(p.name for p in DOCS.glob("*.md"))
    assert len(pages) == len(set(pages))


def test_the_nav_shows_every_notebook_the_suite_runs_in_reading_order():
    # The hook (scripts/docs_notebooks.py) adds build/notebooks/<stem>.ipynb, which muye run
    # writes, as notebooks/<stem>.ipynb: the nav must name exactly those.
    site = _mkdocs()
    notebooks = [p for p in _nav_pages(site["nav"]) if not p.endswith(".md")]
    assert notebooks == [f"notebooks/{spec.stem}.ipynb" for spec in NOTEBOOKS]
    assert site["hooks"] == ["scripts/docs_notebooks.py"]
    assert (ROOT / site["hooks"][0]).is_file()
    jupyter = next(p["mkdocs-jupyter"] for p in site["plugins"] if isinstance(p, dict))
    assert jupyter["include"] == ["notebooks/*.ipynb"]
    assert jupyter["execute"] is False  # muye run executed them, with their parameters


def test_the_site_is_built_into_build_which_make_clean_removes():
    site = _mkdocs()
    assert Path(site["site_dir"]).parts[0] == "build"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    clean = makefile[makefile.index("\nclean:") :]
    assert "rm -rf build " in clean
    docs = makefile[makefile.index("\ndocs:") : makefile.index("\nlint:")]
    assert "muye run" in docs
    assert "mkdocs build" in docs


def test_the_site_anchors_headings_as_github_does():
    # So a link docs/x.md#anchor works on GitHub and on the site.
    toc = next(e["toc"] for e in _mkdocs()["markdown_extensions"] if isinstance(e, dict))
    assert toc["slugify"] == "object/apply:pymdownx.slugs.slugify"


# -- links and journeys --------------------------------------------------------------------------


@pytest.mark.parametrize("page", _markdown_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_link_to_a_docs_page_resolves_to_the_page_and_its_heading(page):
    broken = []
    for href in _links(page):
        if re.match(r"[a-z]+:", href):  # a web address
            continue
        target, _, anchor = href.partition("#")
        path = (page.parent / target).resolve() if target else page
        if path.suffix != ".md" and not target.endswith("/"):
            continue
        if path.is_dir():
            broken.append(f"{href}: a folder (link its index.md)")
        elif not path.is_file():
            broken.append(f"{href}: no such page")
        elif anchor and anchor not in _anchors(path):
            broken.append(f"{href}: no heading #{anchor} in {path.name}")
    assert broken == [], page.name


def test_the_readme_links_every_docs_page():
    linked = {(ROOT / h.partition("#")[0]).resolve() for h in _links(ROOT / "README.md")}
    assert [p.name for p in DOCS.glob("*.md") if p.resolve() not in linked] == []


def test_journeys_are_marked_only_in_the_files_the_runner_reads():
    pages = [p.relative_to(ROOT).as_posix() for p in _markdown_files()]
    marked = {page for page in pages if runner.parse((page,))}
    assert marked == set(runner.FILES)
    assert "quick-start" in runner.parse(("README.md",))  # the README keeps its quick start


def test_the_docs_give_the_readme_quick_start_commands():
    readme = next(b for b in _bash_blocks(ROOT / "README.md") if b[0].startswith("make run"))
    for page in ("index.md", "install.md"):
        assert _bash_blocks(DOCS / page)[0] == readme, page


# -- the command line page -----------------------------------------------------------------------


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_the_cli_page_documents_every_command_and_option():
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", page, flags=re.MULTILINE)[1:]
    documented = {s.split("\n", 1)[0].removeprefix("muye ").strip(): s for s in sections}
    commands = _commands()
    assert sorted(documented) == sorted(commands)
    missing = []
    for name, parser in commands.items():
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            words = [o for o in action.option_strings if o.startswith("--")] or [action.dest]
            missing += [f"{name} {w}" for w in words if f"`{w}`" not in documented[name]]
    assert missing == []

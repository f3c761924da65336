"""MkDocs hook: the notebooks as ``muye run`` executed them become pages of the website.

``make docs`` runs ``muye run`` first, which writes ``build/notebooks/<stem>.ipynb`` (outputs,
charts and the injected parameters included); this hook adds each to the site's files as
``notebooks/<stem>.ipynb`` (mkdocs.yml's nav names them), and mkdocs-jupyter renders them. So the
notebooks are executed once, by the runner the tests check, and nothing is copied into docs/.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from muye_analysis import config as muye_config
from muye_analysis.suite import NOTEBOOKS


# Before mkdocs-jupyter's own on_files (default priority 0), which turns .ipynb files into pages.
@event_priority(100)
def on_files(files, config, **_):
    build = muye_config.build_dir()
    for spec in NOTEBOOKS:
        executed = build / "notebooks" / f"{spec.stem}.ipynb"
        if not executed.is_file():
            raise PluginError(
                f"{executed}: no executed notebook {spec.stem}. Run `muye run` first "
                "(`make docs` does), then build the site."
            )
        files.append(
            File(
                f"notebooks/{spec.stem}.ipynb",
                src_dir=str(build),
                dest_dir=config["site_dir"],
                use_directory_urls=config["use_directory_urls"],
            )
        )
    return files


def on_page_content(html, page, **_):
    """A notebook page has, under its title, a link to its executed .ipynb (mkdocs-jupyter
    copies the file beside the page: include_source), to open in JupyterLab."""
    if not page.file.src_uri.startswith("notebooks/"):
        return html
    name = page.file.src_uri.rsplit("/", 1)[-1]
    link = (
        f'<p class="muye-download"><a href="{name}" download>'
        f"Download the executed notebook ({name})</a></p>"
    )
    head, h1, rest = html.partition("</h1>")  # under the notebook's title
    return head + h1 + link + rest if h1 else link + html

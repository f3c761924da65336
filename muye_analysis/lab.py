"""JupyterLab's contents manager for the text notebooks: open a ``.py`` notebook unmodified.

``make lab`` starts JupyterLab with this class. It is jupytext's contents manager (``.py`` files
open as notebooks; saving keeps only the header ``jupytext.toml`` allows) plus one thing: a text
notebook is served with the ``language_info`` its kernel will report. A ``.py`` file carries no
``language_info`` (it would pin a Python version in the file), so without it JupyterLab wrote the
kernel's into the open notebook as soon as the kernel started and marked every notebook modified
(●) on opening; with it the kernel's report changes nothing. Saving still leaves the file as it
was: ``language_info`` is not in ``jupytext.toml``'s header filter.

Imported only by the Jupyter server (``jupyter_server`` comes with the ``lab`` extra).
"""

from __future__ import annotations

import copy
from typing import Any

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

# The kernel the notebooks name in their header (kernelspec.name).
KERNEL = "python3"


def kernel_language_info() -> dict[str, Any]:
    """What the ``python3`` kernel (ipykernel, on this Python) reports as ``language_info``."""
    from ipykernel.ipkernel import IPythonKernel

    return copy.deepcopy(IPythonKernel.language_info)


class TextNotebooksContentsManager(
    build_async_jupytext_contents_manager_class(AsyncLargeFileManager)
):
    """jupytext's contents manager, serving text notebooks with their kernel's language_info."""

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if content and model.get("type") == "notebook" and not str(path).endswith(".ipynb"):
            metadata = model["content"]["metadata"]
            if metadata.get("kernelspec", {}).get("name") == KERNEL:
                metadata.setdefault("language_info", kernel_language_info())
        return model

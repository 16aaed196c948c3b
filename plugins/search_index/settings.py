"""Defaults of the search_index plugin, and the search page's Content-Security-Policy."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # Index the built site after every build; False leaves search out (no index, no page).
    "SEARCH_INDEX_ENABLED": True,
    # The folder, inside the output, that holds the index: one Pagefind bundle (index and
    # search script) per year of briefings in `<year>/`, and each year's fingerprint in
    # `shards.json`. A year whose fingerprint is unchanged is reused from this folder in
    # INCREMENTAL_PREVIOUS_OUTPUT (the incremental plugin's setting; None indexes every year).
    "SEARCH_INDEX_OUTPUT_PATH": "pagefind",
    # The search page's policy; None takes CONTENT_SECURITY_POLICY and lets WebAssembly run.
    "SEARCH_INDEX_CONTENT_SECURITY_POLICY": None,
}
# Pelican's own names for a direct template's address: the search page.
PAGE_DEFAULTS: dict[str, Any] = {
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
}


def allow_webassembly(policy: str) -> str:
    """Return a Content-Security-Policy whose script-src also lets WebAssembly compile."""
    directives = [part.split() for part in policy.split(";") if part.strip()]
    by_name = {directive[0]: directive for directive in directives}
    if "script-src" not in by_name:
        if "default-src" not in by_name:
            return policy  # nothing restricts scripts
        # script-src falls back to default-src: copy it, so nothing else gets looser.
        by_name["script-src"] = ["script-src", *by_name["default-src"][1:]]
        directives.append(by_name["script-src"])
    if "'wasm-unsafe-eval'" not in by_name["script-src"]:
        by_name["script-src"].append("'wasm-unsafe-eval'")
    return "; ".join(" ".join(directive) for directive in directives)


def apply_defaults(pelican: Any) -> None:
    """Fill in missing settings, check their types, and add the search page when enabled."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    if not isinstance(settings["SEARCH_INDEX_ENABLED"], bool):
        raise ValueError(
            "search_index: SEARCH_INDEX_ENABLED must be True or False, not "
            f"{settings['SEARCH_INDEX_ENABLED']!r}"
        )
    folder = settings["SEARCH_INDEX_OUTPUT_PATH"]
    if not isinstance(folder, str) or not folder.strip("/") or ".." in folder.split("/"):
        raise ValueError(
            "search_index: SEARCH_INDEX_OUTPUT_PATH must be a folder inside the output, "
            f"such as 'pagefind', not {folder!r}"
        )
    if settings["SEARCH_INDEX_CONTENT_SECURITY_POLICY"] is None:
        settings["SEARCH_INDEX_CONTENT_SECURITY_POLICY"] = allow_webassembly(
            settings.get("CONTENT_SECURITY_POLICY", "")
        )
    if not settings["SEARCH_INDEX_ENABLED"]:
        return
    for key, default in PAGE_DEFAULTS.items():
        settings.setdefault(key, default)
    templates = list(settings.get("DIRECT_TEMPLATES", []))
    if "search" not in templates:
        settings["DIRECT_TEMPLATES"] = [*templates, "search"]

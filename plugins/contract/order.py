"""The order the archive's plugins must be listed in, checked when Pelican starts."""

from __future__ import annotations

from typing import Any

# Pelican calls a signal's receivers in the order PLUGINS lists their plugins. Where two
# plugins handle the same signal and one needs the other's result, the second names the
# first here, with why. Only plugins that are both listed are checked.
RUNS_AFTER: dict[str, dict[str, str]] = {
    "transcripts": {
        "briefing_metadata": "its reader extends briefing_metadata's (readers_init), and the "
        "reading time it recounts with the transcript comes first (content_object_init)",
    },
    "typography": {
        "safe_html": "it typesets the body that safe_html has cleaned (content_object_init)",
    },
    "pull_quotes": {
        "typography": "it rewrites the body typography has typeset (content_object_init)",
    },
    "open_data": {
        "typography": "its records take the key points typography typeset (pretaxonomy)",
    },
    "languages": {
        "briefing_metadata": "it pairs briefings whose addresses were checked (pretaxonomy)",
    },
    "incremental": {
        "languages": "it caches briefings with their dates in their language (pretaxonomy)",
        "briefing_metadata": "it caches briefings with the addresses fixed (pretaxonomy)",
        "typography": "it caches briefings with their typeset key points (pretaxonomy)",
        "open_data": "it caches briefings with their open-data records (pretaxonomy)",
        "transcripts": "it caches briefings with their questions' JSON-LD (pretaxonomy)",
    },
    "parallel_reading": {
        "incremental": "it reads what the loaded content cache lacks (article_generator_init)",
    },
    "template_cache": {
        "incremental": "it keeps compiled templates in the cache folder that incremental names "
        "by the site's fingerprint (get_generators)",
    },
}


class PluginOrderError(ValueError):
    """PLUGINS lists a plugin before one whose results it needs."""


def misplaced(plugins: list[str]) -> list[str]:
    """Return a sentence for each plugin listed before a plugin it must run after."""
    position = {name.rsplit(".", 1)[-1]: number for number, name in enumerate(plugins)}
    return [
        f"'{later}' is listed before '{earlier}', but {why}"
        for later, needs in RUNS_AFTER.items()
        for earlier, why in needs.items()
        if later in position and earlier in position and position[later] < position[earlier]
    ]


def check_plugin_order(pelican: Any) -> None:
    """Stop at start-up when PLUGINS lists a plugin before one it must run after."""
    plugins = [getattr(p, "__name__", str(p)) for p in pelican.settings.get("PLUGINS") or []]
    wrong = misplaced(plugins)
    if wrong:
        raise PluginOrderError(
            "plugin order: " + "; ".join(wrong) + ". Reorder PLUGINS in pelicanconf.py "
            "(contract/order.py says which plugin must come first, and why)."
        )

"""Write a deterministic corpus of simple briefings, for benchmarks at archive scale."""

from __future__ import annotations

import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

# Names and tags from the sample registry (content/registry), which the build checks against.
SPOKESPEOPLE = ["Mara Okonkwo", "Aiko Tanabe", "Tomas Lindqvist", "Randhir Jaiswal"]
TAGS = [
    "security", "fentanyl", "trade", "consular-affairs", "health", "energy", "climate",
    "cybersecurity", "fraud", "immigration", "education", "maritime", "diplomacy",
]  # fmt: skip
LOCATIONS = ["New Delhi", "Valmora", "Ottawa", "Port Ellis", "Karsten"]
WORDS = [
    "minister", "officials", "agreement", "talks", "cooperation", "review", "border",
    "agency", "report", "partners", "delegation", "programme", "funding", "support",
    "measures", "schedule", "regional", "committee", "statement", "shipment", "inspection",
    "consulate", "citizens", "travel", "advisory", "network", "investigation", "policy",
]  # fmt: skip


def sentence(rng: random.Random, words: int) -> str:
    """Return a plain sentence of ``words`` words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def briefing(number: int, rng: random.Random, start: datetime) -> str:
    """Return the Markdown of briefing ``number``, about 300 words long."""
    date = start + timedelta(hours=7 * number)
    tags = ", ".join(rng.sample(TAGS, 3))
    points = [sentence(rng, 6) for _ in range(3)]
    body = "\n\n".join(" ".join(sentence(rng, 14) for _ in range(5)) for _ in range(4))
    return (
        f"Title: Briefing {number}: {sentence(rng, 5)[:-1]}\n"
        f"Date: {date:%Y-%m-%d %H:%M}\n"
        f"Spokesperson: {rng.choice(SPOKESPEOPLE)}\n"
        f"Tags: {tags}\n"
        f"Location: {rng.choice(LOCATIONS)}\n"
        f"Source: Weekly briefing\n"
        f"Summary: {sentence(rng, 18)}\n"
        f"Key_points: {points[0]}\n    {points[1]}\n    {points[2]}\n\n"
        f"{body}\n"
    )


def write_corpus(content: Path, count: int, registry: Path | None = None, seed: int = 5) -> Path:
    """Write ``count`` briefings under ``content/briefings/<year>/``; return ``content``.

    ``registry`` is a folder of spokespeople and tags to copy beside them.
    """
    if registry is not None and registry.is_dir():
        shutil.copytree(registry, content / "registry", dirs_exist_ok=True)
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 9, 0)
    for number in range(1, count + 1):
        text = briefing(number, rng, start)
        year = text.split("Date: ", 1)[1][:4]
        path = content / "briefings" / year / f"briefing-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (content / "pages").mkdir(parents=True, exist_ok=True)
    return content

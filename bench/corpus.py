"""Write a deterministic corpus of realistic briefings, with its own registry, for benchmarks."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

# 60 tags and 15 spokespeople, written to the corpus's own registry (the sample one is left
# alone); the build checks every briefing against it, as it checks real content.
TAG_COUNT = 60
SPOKESPEOPLE_COUNT = 15
YEARS = 15
LOCATIONS = ["New Delhi", "Valmora", "Ottawa", "Port Ellis", "Karsten", "Geneva", "Nairobi"]
WORDS = [
    "minister", "officials", "agreement", "talks", "cooperation", "review", "border",
    "agency", "report", "partners", "delegation", "programme", "funding", "support",
    "measures", "schedule", "regional", "committee", "statement", "shipment", "inspection",
    "consulate", "citizens", "travel", "advisory", "network", "investigation", "policy",
    "harbour", "treaty", "visa", "students", "exports", "tariffs", "vaccines", "grid",
    "satellite", "fisheries", "drought", "refugees", "sanctions", "customs", "pipeline",
]  # fmt: skip
# A share of briefings also published in Hindi (briefings/hi/<year>/, same file name), as
# the ministry publishes many of its briefings in both languages, and a few in Hindi only.
HINDI_TRANSLATED_SHARE = 0.2
HINDI_ONLY_SHARE = 0.02
HINDI_WORDS = [
    "मंत्रालय", "अधिकारी", "समझौता", "बातचीत", "सहयोग", "समीक्षा", "सीमा", "एजेंसी",
    "रिपोर्ट", "साझेदार", "प्रतिनिधिमंडल", "कार्यक्रम", "सहायता", "उपाय", "क्षेत्रीय", "समिति",
    "बयान", "जाँच", "दूतावास", "नागरिक", "यात्रा", "नीति", "बंदरगाह", "संधि", "वीज़ा", "छात्र",
    "निर्यात", "शुल्क", "टीके", "उपग्रह", "सूखा", "शरणार्थी", "प्रतिबंध", "सीमा-शुल्क",
]  # fmt: skip
TOPICS = [
    "security", "fentanyl", "trade", "consular", "health", "energy", "climate", "cyber",
    "fraud", "immigration", "education", "maritime", "diplomacy", "fisheries", "water",
    "space", "agriculture", "aviation", "tourism", "culture", "sport", "science", "labour",
    "housing", "transport", "finance", "tax", "customs", "defence", "peacekeeping",
]  # fmt: skip


def tag_slugs() -> list[str]:
    """Return the corpus's 60 tag slugs, the most used first."""
    return [f"{TOPICS[i % len(TOPICS)]}-{i // len(TOPICS) + 1}" for i in range(TAG_COUNT)]


def spokespeople() -> list[tuple[str, str]]:
    """Return (slug, name) of the corpus's 15 spokespeople."""
    first = ["Mara", "Aiko", "Tomas", "Ravi", "Lena", "Kofi", "Ines", "Yusuf", "Hana", "Pablo"]
    last = ["Okonkwo", "Tanabe", "Lindqvist", "Mehta", "Novak", "Mensah", "Duarte", "Aydin"]
    names = [f"{first[i % len(first)]} {last[(i * 3) % len(last)]}" for i in range(15)]
    return [(name.lower().replace(" ", "-"), name) for name in names]


# Story threads: one briefing in STORY_SHARE joins one of STORY_COUNT stories (threads plugin).
STORY_COUNT = 40
STORY_SHARE = 8


def story_of(number: int) -> str | None:
    """Return the slug of the story briefing ``number`` belongs to, if any."""
    # From the number, not the random generator, so the rest of the corpus stays the same.
    if number % STORY_SHARE:
        return None
    return f"story-{(number // STORY_SHARE) % STORY_COUNT + 1}"


def write_registry(folder: Path) -> None:
    """Write the corpus's tags.toml, spokespeople.toml and stories.toml into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    tags = "".join(
        f'[{slug}]\nlabel = "{slug.replace("-", " ").capitalize()}"\n'
        f'description = "Briefings about {slug.rsplit("-", 1)[0]}."\n\n'
        f'[{slug}.hi]\nlabel = "{HINDI_WORDS[i % len(HINDI_WORDS)]} {i + 1}"\n\n'
        for i, slug in enumerate(tag_slugs())
    )
    people = "".join(
        f'[{slug}]\nname = "{name}"\nrole = "Spokesperson"\norganisation = "Ministry {i}"\n\n'
        f'[{slug}.hi]\nname = "{name}"\nrole = "प्रवक्ता"\norganisation = "मंत्रालय {i}"\n\n'
        for i, (slug, name) in enumerate(spokespeople())
    )
    (folder / "tags.toml").write_text(tags, encoding="utf-8")
    (folder / "spokespeople.toml").write_text(people, encoding="utf-8")
    stories = "".join(
        f'[story-{i}]\ntitle = "Story {i}"\ndescription = "How matter {i} unfolded."\n\n'
        for i in range(1, STORY_COUNT + 1)
    )
    (folder / "stories.toml").write_text(stories, encoding="utf-8")


def sentence(rng: random.Random, words: int) -> str:
    """Return a plain sentence of ``words`` words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, words: int) -> str:
    """Return a Markdown body of about ``words`` words: paragraphs, headings, a list, a quote."""
    blocks: list[str] = []
    written = 0
    while written < words:
        kind = rng.random()
        if kind < 0.1 and blocks:
            blocks.append(f"## {sentence(rng, 4)[:-1]}")
        elif kind < 0.2:
            items = [sentence(rng, 7) for _ in range(rng.randint(3, 5))]
            blocks.append("\n".join(f"- {item}" for item in items))
            written += 7 * len(items)
        elif kind < 0.28:
            quote = f'> "{sentence(rng, 20)}" said the spokesperson -- on the record.'
            # Half the quotations name their speaker, shown as the pull quote's attribution.
            if rng.random() < 0.5:
                quote += "\n>\n> — The spokesperson, weekly briefing"
            blocks.append(quote)
            written += 20
        else:
            sentences = [sentence(rng, rng.randint(10, 18)) for _ in range(5)]
            if rng.random() < 0.3:
                sentences[2] += " See [the statement](https://example.org/statements/" + (
                    f"{rng.randint(1, 9999)}) and www.example.org/briefings."
                )
            blocks.append(" ".join(sentences))
            written += sum(len(s.split()) for s in sentences)
    return "\n\n".join(blocks)


def briefing(number: int, rng: random.Random, start: datetime, count: int) -> str:
    """Return the Markdown of briefing ``number`` of ``count``, 400 to 1,000 words long."""
    # Spread over 15 years whatever the count, a few hours apart, never two at one minute.
    span = timedelta(days=365 * YEARS)
    date = start + span * (number - 1) / max(count, 1)
    date = date.replace(second=0, microsecond=0) + timedelta(minutes=number % 60)
    slugs = tag_slugs()
    # Zipf-like: tag k is chosen with weight 1/k, so a few tags hold most briefings.
    weights = [1 / (rank + 1) for rank in range(len(slugs))]
    tags: list[str] = []
    while len(tags) < rng.randint(2, 5):
        tag = rng.choices(slugs, weights)[0]
        if tag not in tags:
            tags.append(tag)
    people = spokespeople()
    speaker = people[min(int(rng.paretovariate(1.2)) - 1, len(people) - 1)][1]
    points = [sentence(rng, 6) for _ in range(rng.randint(2, 4))]
    history = history_fields(number, date)
    story = story_of(number)
    story_line = f"Story: {story}\n" if story else ""
    return (
        f"Title: Briefing {number}: {sentence(rng, 6)[:-1]}\n"
        f"Date: {date:%Y-%m-%d %H:%M}\n"
        f"Spokesperson: {speaker}\n"
        f"Tags: {', '.join(tags)}\n"
        f"Location: {rng.choice(LOCATIONS)}\n"
        f"Source: Weekly briefing\n{story_line}"
        f"{history}"
        f"Summary: {sentence(rng, 18)}\n"
        f"Key_points: {points[0]}\n" + "".join(f"    {point}\n" for point in points[1:]) + "\n"
        f"{body(rng, rng.randint(400, 1000))}\n" + transcript(number, tags)
    )


OUTLETS = ("The Daily Ledger", "Northern Wire", "Harbour Times", "Samachar Today")


def transcript(number: int, tags: list[str]) -> str:
    """Return a transcript block for about a third of the briefings, else ""."""
    # Its own generator, so the rest of the corpus is the same with or without transcripts.
    rng = random.Random(number)
    if rng.random() >= 0.35:
        return ""
    lines = ["", "::: transcript"]
    count = rng.randint(3, 8)
    waiting: list[str] = []
    for question in range(1, count + 1):
        who = (
            f" (Reporter {rng.randint(1, 40)}, {rng.choice(OUTLETS)})" if rng.random() < 0.7 else ""
        )
        tag = f" [tags: {rng.choice(tags)}]" if rng.random() < 0.6 else ""
        note = " [note: asked in Hindi; approximate translation]" if rng.random() < 0.1 else ""
        lines += [f"Q{question}{who}{tag}{note}: {sentence(rng, rng.randint(12, 30))}", ""]
        waiting.append(str(question))
        # Now and then two questions share one answer.
        if question < count and len(waiting) == 1 and rng.random() < 0.15:
            continue
        lines += [f"A{','.join(waiting)}: {sentence(rng, rng.randint(30, 80))}", ""]
        waiting = []
    lines.append(":::")
    return "\n".join(lines) + "\n"


def history_fields(number: int, date: datetime) -> str:
    """Return the history lines of briefing ``number``, on a realistic share of briefings.

    Taken from the number, not the random stream, so the rest of the corpus stays as it was:
    a third link their source, 4% are corrected, 2.5% updated, 1% moved, 0.5% withdrawn.
    """
    lines = []
    if number % 3 == 0:
        lines.append(f"Source_url: https://www.example.gov/briefings/{number}\n")
    if number % 25 == 0:
        lines.append(f"Correction: {date + timedelta(days=2):%Y-%m-%d} | A figure was wrong.\n")
    if number % 40 == 7:
        lines.append(f"Update: {date + timedelta(days=5):%Y-%m-%d} | Added a later figure.\n")
    if number % 100 == 31:
        lines.append(f"Moved_from: briefings/{date:%Y}/{date:%m}/old-briefing-{number:05d}/\n")
    if number % 200 == 13:
        withdrawn = date + timedelta(days=9)
        lines.append(f"Status: withdrawn\nWithdrawn: {withdrawn:%Y-%m-%d} | Issued in error.\n")
    return "".join(lines)


def hindi_sentence(rng: random.Random, words: int) -> str:
    """Return a plain Hindi sentence of ``words`` words, ending with a danda."""
    return " ".join(rng.choice(HINDI_WORDS) for _ in range(words)) + "।"


def in_hindi(text: str, rng: random.Random) -> str:
    """Return a briefing's Hindi version: the same header fields, Hindi title, text and points."""
    header, _ = text.split("\n\n", 1)
    fields = dict(line.split(": ", 1) for line in header.splitlines() if not line.startswith(" "))
    number = fields["Title"].split(":", 1)[0].removeprefix("Briefing ")
    paragraphs = [
        " ".join(hindi_sentence(rng, rng.randint(10, 18)) for _ in range(5))
        for _ in range(rng.randint(5, 12))
    ]
    points = [hindi_sentence(rng, 6)[:-1] for _ in range(rng.randint(2, 4))]
    return (
        f"Title: ब्रीफ़िंग {number}: {hindi_sentence(rng, 6)[:-1]}\n"
        f"Date: {fields['Date']}\nLang: hi\n"
        f"Spokesperson: {fields['Spokesperson']}\nTags: {fields['Tags']}\n"
        f"Location: नई दिल्ली\nSource: साप्ताहिक ब्रीफ़िंग\n"
        + hindi_history(header)
        + f"Summary: {hindi_sentence(rng, 18)}\n"
        f"Key_points: {points[0]}\n"
        + "".join(f"    {point}\n" for point in points[1:])
        + "\n"
        + "\n\n".join(paragraphs)
        + "\n"
        + hindi_transcript(text)
    )


# What the Hindi version says of a correction or withdrawal the English one records.
HINDI_HISTORY = {
    "Correction": "एक आँकड़ा ग़लत था।",
    "Withdrawn": "यह ग़लती से जारी हुई थी।",
}


def hindi_history(header: str) -> str:
    """Return the English header's corrections and withdrawal, said in Hindi, on the same days."""
    # The Hindi version is corrected and withdrawn with the English one, so the Hindi
    # ledgers (plugins/corrections/translated.py) have entries at a realistic share.
    lines = []
    for line in header.splitlines():
        field, _, value = line.partition(": ")
        if field == "Status" and value == "withdrawn":
            lines.append(f"{line}\n")
        elif field in HINDI_HISTORY:
            lines.append(f"{field}: {value.split(' | ', 1)[0]} | {HINDI_HISTORY[field]}\n")
    return "".join(lines)


def hindi_transcript(text: str) -> str:
    """Return the English version's transcript with its questions and answers in Hindi."""
    # Made from the English block and fixed words, not the random stream, so the rest of the
    # Hindi versions stay as they were; the Hindi question lists get a realistic share.
    if "\n::: transcript\n" not in text:
        return ""
    block = text.split("\n::: transcript\n", 1)[1].split("\n:::", 1)[0]
    lines = ["", "::: transcript"]
    for number, line in enumerate(block.splitlines()):
        if not line.startswith(("Q", "A")):
            lines.append(line)
            continue
        label = line.split(": ", 1)[0] if "]: " not in line else line.split("]: ", 1)[0] + "]"
        words = [HINDI_WORDS[(number * 7 + i) % len(HINDI_WORDS)] for i in range(14)]
        lines.append(f"{label}: {' '.join(words)}।")
    lines.append(":::")
    return "\n".join(lines) + "\n"


def briefing_path(content: Path, number: int, text: str) -> Path:
    """Return where briefing ``number`` goes: ``content/briefings/<year>/briefing-NNNNN.md``."""
    year = text.split("Date: ", 1)[1][:4]
    return content / "briefings" / year / f"briefing-{number:05d}.md"


def write_corpus(content: Path, count: int, seed: int = 5) -> Path:
    """Write ``count`` briefings and their registry under ``content``; return ``content``."""
    write_registry(content / "registry")
    rng = random.Random(seed)
    # Its own generator: the English briefings are the same with or without the Hindi ones.
    hindi_rng = random.Random(seed + 1)
    start = datetime(2011, 1, 3, 9, 0)
    for number in range(1, count + 1):
        text = briefing(number, rng, start, count)
        path = briefing_path(content, number, text)
        chance = hindi_rng.random()
        if chance < HINDI_TRANSLATED_SHARE + HINDI_ONLY_SHARE:
            hindi = content / "briefings" / "hi" / path.relative_to(content / "briefings")
            hindi.parent.mkdir(parents=True, exist_ok=True)
            hindi.write_text(in_hindi(text, hindi_rng), encoding="utf-8")
            if chance < HINDI_ONLY_SHARE:
                continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (content / "pages").mkdir(parents=True, exist_ok=True)
    return content

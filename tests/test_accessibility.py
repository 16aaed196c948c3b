"""Every page type works for every reader: axe-core finds nothing, in light and dark, zoomed."""

from __future__ import annotations

import pytest

from .pages import PAGE_TYPES
from .toolchain import axe_script

PAGES = pytest.mark.parametrize("url", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"])
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices (landmarks, one h1).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]

# Relative luminance and contrast ratio as WCAG defines them, for colours axe does not judge.
LUMINANCE = """(color) => {
  const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(Number).map((c) => {
    c /= 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""

# Up to ten elements that reach past the right edge of the window, described briefly.
OVERFLOWING = """() => [...document.body.querySelectorAll('*')]
  .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.trim().slice(0, 40)}`)
  .map((description) => description.replace(/\\s+/g, ' '))
  .slice(0, 10)"""
# The focused element's outline, or null once focus has left the page's elements.
FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  if (e === document.body) return null;
  return {text: e.textContent.trim().slice(0, 30), style: s.outlineStyle,
          width: parseFloat(s.outlineWidth), colour: s.outlineColor};
}"""


def contrast(page, foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two CSS rgb() colours."""
    lighter, darker = sorted(
        (page.evaluate(LUMINANCE, colour) for colour in (foreground, background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def describe_violations(violations: list[dict]) -> str:
    """Return axe's violations as lines a developer can act on."""
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return "\n".join(lines)


@PAGES
@SCHEMES
def test_axe_finds_no_violations(new_page, sample_url, url, scheme):
    # The site's CSP admits only its own scripts; axe is let in for this check alone.
    page = new_page(color_scheme=scheme, bypass_csp=True)
    page.goto(f"{sample_url}{url}")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    luminance = page.evaluate(LUMINANCE, background)
    assert luminance < 0.05 if scheme == "dark" else luminance > 0.9, f"{scheme}: {background}"
    page.add_script_tag(path=str(axe_script()))
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    checked = {rule["id"] for kind in ("passes", "violations") for rule in results[kind]}
    assert {"color-contrast", "landmark-one-main", "page-has-heading-one"} <= checked
    undecided = [r for r in results["incomplete"] if r["id"] == "color-contrast"]
    problems = results["violations"] + undecided
    assert problems == [], f"{url} ({scheme}):\n{describe_violations(problems)}"


@PAGES
def test_text_at_200_percent_fits_a_320_px_screen(new_page, sample_url, url):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(f"{sample_url}{url}")
    normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    # Text zoom: the reader's default font size doubled, as browsers' text-size settings do.
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == 2 * normal
    overflowing = page.evaluate(OVERFLOWING)
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] and overflowing == [], f"{url}: {widths}, {overflowing}"


def in_page_language(url: str, english: str, hindi: str) -> str:
    """Return the interface text a page shows, in the language of its address."""
    return hindi if url.startswith("/hi/") else english


@PAGES
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, sample_url, url):
    page.goto(f"{sample_url}{url}")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == in_page_language(url, "Skip to content", "मुख्य सामग्री पर जाएँ")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@PAGES
@SCHEMES
def test_keyboard_focus_is_clearly_visible(new_page, sample_url, url, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(f"{sample_url}{url}")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    stops = 0
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        stops += 1
        assert focused["style"] != "none" and focused["width"] >= 2, focused
        # WCAG 1.4.11: a focus indicator needs 3:1 against what surrounds it.
        assert contrast(page, focused["colour"], background) >= 3, focused
    assert stops >= 5


@PAGES
def test_current_section_is_marked_for_every_reader(page, sample_url, url):
    page.goto(f"{sample_url}{url}")
    links = page.locator(".site-nav a")
    for index in range(links.count()):
        link = links.nth(index)
        underlined = "underline" in link.evaluate("(e) => getComputedStyle(e).textDecorationLine")
        # Screen readers hear aria-current; sighted readers see the same link underlined.
        assert underlined == (link.get_attribute("aria-current") is not None), link.inner_text()


@PAGES
def test_page_has_one_h1_and_landmarks(page, sample_url, url):
    page.goto(f"{sample_url}{url}")
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("contentinfo").count() == 1
    site_nav = in_page_language(url, "Browse the archive", "संग्रह देखें")
    assert page.get_by_role("navigation", name=site_nav).count() == 1
